package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;

/**
 * Why an XML message could not be read at all. Every one of them is a syntax fault in MedCom's
 * terms, so a negative receipt carries refuse code SYN (syntaksfejl).
 */
enum XmlReadError {
    TOO_LARGE("XML-TOO-LARGE",
            "The message is larger than the %s bytes the gateway accepts.",
            "Meddelelsen er større end de %s bytes, gatewayen modtager."),
    EMPTY("XML-EMPTY",
            "The message is empty.",
            "Meddelelsen er tom."),
    DTD("XML-DTD",
            "The message contains a DOCTYPE declaration; MedCom messages never do, and the gateway refuses DTDs and entities.",
            "Meddelelsen indeholder en DOCTYPE-erklæring; det gør MedCom-meddelelser aldrig, og gatewayen afviser DTD'er og entiteter."),
    ENCODING_UNSUPPORTED("XML-ENCODING-UNSUPPORTED",
            "The declared character encoding %s is not supported; use UTF-8, ISO-8859-1 or windows-1252.",
            "Den erklærede tegnkodning %s understøttes ikke; brug UTF-8, ISO-8859-1 eller windows-1252."),
    ENCODING_MISMATCH("XML-ENCODING-MISMATCH",
            "The XML declaration says %s but the bytes are %s.",
            "XML-erklæringen angiver %s, men indholdet er kodet som %s."),
    ENCODING_INVALID("XML-ENCODING-INVALID",
            "The bytes are not valid %s (first bad byte at offset %s).",
            "Indholdet er ikke gyldig %s (første ugyldige byte ved position %s)."),
    TOO_DEEP("XML-TOO-DEEP",
            "Elements are nested more than %s deep.",
            "Elementerne er indlejret mere end %s niveauer."),
    PROCESSING_INSTRUCTION("XML-PROCESSING-INSTRUCTION",
            "The message contains a processing instruction (<?...?> other than the XML declaration); MedCom messages carry none, and the gateway passes none on to a recipient.",
            "Meddelelsen indeholder en behandlingsinstruktion (<?...?> ud over XML-erklæringen); MedCom-meddelelser har ingen, og gatewayen sender ingen videre til en modtager."),
    NOT_WELL_FORMED("XML-NOT-WELLFORMED",
            "The message is not well-formed XML: %s",
            "Meddelelsen er ikke velformet XML: %s");

    static final String REFUSE_CODE = "SYN";

    private final String ruleId;
    private final String textEn;
    private final String textDa;

    XmlReadError(String ruleId, String textEn, String textDa) {
        this.ruleId = ruleId;
        this.textEn = textEn;
        this.textDa = textDa;
    }

    String ruleId() {
        return ruleId;
    }

    UnreadableXmlException exception(Location location, Object... args) {
        Finding finding = Finding.error(ruleId, location == null ? Location.NONE : location,
                String.format(textEn, args), String.format(textDa, args));
        return new UnreadableXmlException(finding);
    }
}
