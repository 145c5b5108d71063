package dk.region.medcom.gateway.validate.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The date and checksum arithmetic of a CPR number (DDMMYY + 4-digit sequence). The century
 * comes from the 7th digit and the year (CPR-kontoret's table); modulus 11 is only a remark,
 * as numbers without it have been issued since 2007.
 */
final class Cpr {

    static final String UNKNOWN = "0000000000";
    private static final int[] WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

    private Cpr() {
    }

    static boolean isTenDigits(String cpr) {
        return cpr.length() == 10 && cpr.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The birth date, or empty when the first six digits are not a date. Expects ten digits. */
    static Optional<LocalDate> birthDate(String cpr) {
        int day = Integer.parseInt(cpr.substring(0, 2));
        int month = Integer.parseInt(cpr.substring(2, 4));
        int yy = Integer.parseInt(cpr.substring(4, 6));
        try {
            return Optional.of(LocalDate.of(century(cpr.charAt(6) - '0', yy) + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean passesModulus11(String cpr) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (cpr.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    private static int century(int seventhDigit, int yy) {
        if (seventhDigit <= 3) {
            return 1900;
        }
        if (seventhDigit == 4 || seventhDigit == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        return yy <= 57 ? 2000 : 1800;
    }
}
