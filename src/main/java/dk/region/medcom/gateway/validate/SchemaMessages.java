package dk.region.medcom.gateway.validate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes XSD error messages safe to show: the JDK quotes the offending value
 * ({@code Value '1502824933' is not facet-valid ...}), which may be a CPR number or clinical text.
 * A quoted fragment is kept only when the word before it says it names schema vocabulary
 * (element, attribute, type, pattern, enumeration); values are replaced by an ellipsis, and
 * namespace URIs are dropped from expected-element lists. The commonest errors also get a
 * Danish explanation; the rest are named by their XSD error code.
 */
final class SchemaMessages {

    private static final Pattern QUOTED = Pattern.compile("(\\w*)(\\s*)'([^']*)'");
    private static final Pattern NAMESPACE_IN_BRACES = Pattern.compile("\"[^\"]*\":");
    private static final Pattern CODE = Pattern.compile("^(cvc-[\\w.-]+?):");
    private static final Pattern EXPECTED = Pattern.compile("One of '\\{?([^}']*)\\}?' is expected");
    private static final Pattern ENUMERATION = Pattern.compile("enumeration '(\\[[^']*\\])'");
    private static final Set<String> NAMES_FOLLOW = Set.of("element", "attribute", "type", "pattern", "enumeration", "of", "for");

    private SchemaMessages() {
    }

    static String sanitise(String message) {
        if (message == null) {
            return "";
        }
        return QUOTED.matcher(message).replaceAll(m -> {
            String word = m.group(1);
            boolean keep = NAMES_FOLLOW.contains(word.toLowerCase());
            String quoted = keep ? NAMESPACE_IN_BRACES.matcher(m.group(3)).replaceAll("") : "…";
            return Matcher.quoteReplacement(word + m.group(2) + "'" + quoted + "'");
        });
    }

    /** A Danish explanation of a sanitised message, keyed on its XSD error code. */
    static String danish(String sanitised) {
        Matcher code = CODE.matcher(sanitised);
        String key = code.find() ? code.group(1) : "";
        String expected = group(EXPECTED, sanitised);
        return switch (key) {
            case "cvc-complex-type.2.4.a" -> "elementet er ikke tilladt her; forventet er " + expected + ".";
            case "cvc-complex-type.2.4.b" -> "indholdet er ikke komplet; der mangler " + expected + ".";
            case "cvc-complex-type.2.4.d" -> "elementet er ikke tilladt her; der forventes ikke flere elementer.";
            case "cvc-complex-type.2.1", "cvc-complex-type.2.3" -> "elementet må ikke indeholde tekst her.";
            case "cvc-pattern-valid" -> "værdien har ikke det krævede format.";
            case "cvc-enumeration-valid" -> "værdien er ikke en af de tilladte koder " + group(ENUMERATION, sanitised) + ".";
            case "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.3" -> "værdien har ikke den krævede datatype (fx dato, tal eller sand/falsk).";
            case "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid" -> "værdien har ikke en tilladt længde.";
            case "cvc-minInclusive-valid", "cvc-maxInclusive-valid", "cvc-minExclusive-valid", "cvc-maxExclusive-valid" ->
                    "værdien ligger uden for det tilladte interval.";
            case "cvc-identity-constraint.4.1" -> "værdien forekommer mere end én gang, men skal være entydig.";
            case "cvc-elt.1.a" -> "skemaet kender ikke dette rodelement.";
            default -> "meddelelsen overholder ikke skemaet (" + (key.isEmpty() ? "ukendt fejl" : key) + ").";
        };
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
