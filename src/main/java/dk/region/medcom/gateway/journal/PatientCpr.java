package dk.region.medcom.gateway.journal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the patient's CPR number in a message's MedCom XML form: the first CivilRegistrationNumber
 * under Patient. The XML was already read safely at parse, so a pattern is enough here.
 */
final class PatientCpr {

    private static final Pattern PATIENT_CPR = Pattern.compile(
            "<(?:[\\w.-]+:)?Patient[\\s>].*?<(?:[\\w.-]+:)?CivilRegistrationNumber>\\s*([0-9-]{10,11})\\s*<",
            Pattern.DOTALL);

    private PatientCpr() {
    }

    static Optional<String> in(byte[] xml) {
        if (xml == null) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char, so this works for UTF-8 and Latin-1 alike
        Matcher m = PATIENT_CPR.matcher(new String(xml, StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
