package dk.region.medcom.gateway.parse.xml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes parser messages safe to show and log: a quoted fragment that is not an XML name may be
 * message content (a CPR number, clinical text), so it is blanked; the length is capped.
 */
final class ParserMessages {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
    private static final Pattern XML_NAME = Pattern.compile("</?[A-Za-z_][\\w.:-]*>?");

    private ParserMessages() {
    }

    static String sanitise(String message) {
        if (message == null) {
            return "";
        }
        String safe = QUOTED.matcher(message).replaceAll(quoted -> {
            String inner = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            return Matcher.quoteReplacement(XML_NAME.matcher(inner).matches() ? quoted.group() : "\"…\"");
        });
        return safe.length() > 200 ? safe.substring(0, 200) + "…" : safe;
    }
}
