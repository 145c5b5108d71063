package dk.region.medcom.gateway.parse.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdifactSnifferTest {

    private static boolean sniff(String head) {
        return EdifactSniffer.looksLikeEdifact(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recognisesUnaAndUnbAfterBomAndWhitespace() {
        assertThat(sniff("UNA:+.? 'UNB+")).isTrue();
        assertThat(sniff("UNB+UNOC:3")).isTrue();
        assertThat(sniff("\u00EF\u00BB\u00BF \r\n UNB+UNOC:3")).isTrue();
    }

    @Test
    void refusesXmlShortInputAndNull() {
        assertThat(sniff("<?xml version=\"1.0\"?>")).isFalse();
        assertThat(sniff("UN")).isFalse();
        assertThat(sniff("UNH+1")).isFalse();
        assertThat(EdifactSniffer.looksLikeEdifact(null)).isFalse();
    }
}
