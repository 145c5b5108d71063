package dk.region.medcom.gateway.journal.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeRewriterTests {

    @Test
    void replacesTheEnvelopeIdentifierInXmlAndNothingElse() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Emessage xmlns=\"urn:x\"><Envelope><Sent/>"
                + "<Identifier>ENV0000000101</Identifier></Envelope><ClinicalEmail><Letter>"
                + "<Identifier>DIS0000000101</Identifier></Letter><Text>bl\u00e5b\u00e6r</Text></ClinicalEmail></Emessage>";

        String out = rewrite(xml, "R0000000000001");

        assertThat(out).isEqualTo(xml.replace("ENV0000000101", "R0000000000001"));
    }

    @Test
    void replacesTheInterchangeReferenceInUnbAndUnz() {
        String edi = "UNA:+.? 'UNB+UNOC:3+5790000100019:14+5790001000028:14+261120:0915+ENV0000000101'"
                + "UNH+DIS0000000101+MEDDIS:D:93A:UN:LXD9134'FTX+AAA+++a?'b'UNT+3+DIS0000000101'UNZ+1+ENV0000000101'";

        String out = rewrite(edi, "R0000000000001");

        assertThat(out).isEqualTo(edi.replace("ENV0000000101", "R0000000000001"));
    }

    @Test
    void honoursTheDelimitersUnaDeclares() {
        String edi = "UNA*|.# ~UNB|UNOC*3|A*14|B*14|261120*0915|OLDREF~UNZ|1|OLDREF~";

        assertThat(rewrite(edi, "NEWREF")).isEqualTo(edi.replace("OLDREF", "NEWREF"));
    }

    @Test
    void findsNothingToRewriteWithoutAnEnvelope() {
        assertThat(EnvelopeRewriter.withEnvelopeId("<Emessage/>".getBytes(StandardCharsets.UTF_8), "X")).isEmpty();
    }

    private static String rewrite(String message, String id) {
        return new String(EnvelopeRewriter.withEnvelopeId(message.getBytes(StandardCharsets.ISO_8859_1), id)
                .orElseThrow(), StandardCharsets.ISO_8859_1);
    }
}
