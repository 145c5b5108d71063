package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlOutTest {

    private static String write(String text) {
        byte[] bytes = new XmlOut().element("T", text).toBytes();
        String xml = new String(bytes, StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf('\n') + 1);
    }

    @Test
    void encodesDanishLettersAndOtherCodePointsAsUtf8() {
        assertThat(write("æøå ÆØÅ € 😀")).isEqualTo("<T>æøå ÆØÅ € 😀</T>");
    }

    @Test
    void escapesMarkupCharacters() {
        assertThat(write("a<b>&\"c\"\r")).isEqualTo("<T>a&lt;b&gt;&amp;&quot;c&quot;&#13;</T>");
    }

    @Test
    void omitsEmptyElements() {
        assertThat(write("")).isEmpty();
    }
}
