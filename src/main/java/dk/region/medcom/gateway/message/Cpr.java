package dk.region.medcom.gateway.message;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The date arithmetic of a CPR number (DDMMYY + 4-digit sequence). The century comes from the 7th
 * digit and the year (CPR-kontoret's table). Only the derived facts (birth date, age) leave here;
 * callers never log or store the number itself.
 */
public final class Cpr {

    private Cpr() {
    }

    /** The birth date, or empty when the value is not ten digits or its first six are not a date. */
    public static Optional<LocalDate> birthDate(String cpr) {
        if (cpr == null || cpr.length() != 10 || !cpr.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int day = Integer.parseInt(cpr.substring(0, 2));
        int month = Integer.parseInt(cpr.substring(2, 4));
        int yy = Integer.parseInt(cpr.substring(4, 6));
        try {
            return Optional.of(LocalDate.of(century(cpr.charAt(6) - '0', yy) + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whole years between the birth date and {@code on}. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
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
