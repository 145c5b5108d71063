package dk.region.medcom.gateway.validate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes XSD error messages safe to show: the JDK quotes the offending value
 * ({@code Value '1502824933' is not facet-valid ...}), which may be a CPR number or clinical text.
 * A quoted fragment is kept only when the word before it says it names schema vocabulary
 * (element, attribute, type, pattern, enumeration); values are replaced by an ellipsis, and
 * namespace URIs are dropped from expected-element lists.
 */
final class SchemaMessages {

    private static final Pattern QUOTED = Pattern.compile("(\\w*)(\\s*)'([^']*)'");
    private static final Pattern NAMESPACE_IN_BRACES = Pattern.compile("\"[^\"]*\":");
    private static final Set<String> NAMES_FOLLOW = Set.of("element", "attribute", "type", "pattern", "enumeration", "of", "for");

    private SchemaMessages() {
    }

    static String sanitise(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(message);
        StringBuilder safe = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            boolean keep = NAMES_FOLLOW.contains(word.toLowerCase()) && !"value".equalsIgnoreCase(word);
            String quoted = keep ? NAMESPACE_IN_BRACES.matcher(m.group(3)).replaceAll("") : "…";
            m.appendReplacement(safe, Matcher.quoteReplacement(word + m.group(2) + "'" + quoted + "'"));
        }
        m.appendTail(safe);
        return safe.toString();
    }
}
