package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/** UNOC carries ISO-8859-1's printable characters only: finds the first element whose text holds anything else. */
final class Latin1Check {

    private Latin1Check() {
    }

    static void check(XmlElement element, List<Finding> findings) {
        for (Object item : element.content) {
            if (item instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c > 0xFF || c >= 0x7F && c <= 0x9F) { // UNOC leaves DEL and the C1 controls out
                        findings.add(TranslationRule.NOT_LATIN1.at(element, element.path()));
                        return;
                    }
                }
            } else {
                check((XmlElement) item, findings);
            }
        }
    }
}
