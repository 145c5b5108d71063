package dk.region.medcom.gateway.message;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A patient's CPR number (DDMMYY + 4-digit sequence) as a value. {@link #toString()} masks the
 * sequence ({@code 010190-****}), so a CPR number in a log line, a finding or a string built by
 * concatenation never shows the whole number; {@link #unmasked()} is the only way to the digits,
 * for writing the number into a message or hashing it for search. The century comes from the 7th
 * digit and the year (CPR-kontoret's table).
 */
public final class CprNumber {

    /** The value MedCom allows when the CPR number is not known. */
    public static final String UNKNOWN_DIGITS = "0000000000";
    private static final int[] WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

    private final String digits;

    private CprNumber(String digits) {
        this.digits = digits;
    }

    /** The number in {@code text} (surrounding whitespace ignored), empty unless it is exactly ten digits. */
    public static Optional<CprNumber> of(String text) {
        String value = text == null ? null : text.strip();
        return isTenDigits(value) ? Optional.of(new CprNumber(value)) : Optional.empty();
    }

    /** The ten digits: only for writing the number into a message (XML, EDIFACT) or hashing it for search. */
    public String unmasked() {
        return digits;
    }

    /** MedCom's "not known" ({@code 0000000000}): a placeholder, not a person. */
    public boolean isUnknown() {
        return UNKNOWN_DIGITS.equals(digits);
    }

    /** The birth date, empty when the first six digits are not a date. */
    public Optional<LocalDate> birthDate() {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        try {
            return Optional.of(LocalDate.of(century(digits.charAt(6) - '0', yy) + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Legal sex by the parity of the last digit (odd: male); empty for the unknown number. */
    public Optional<Sex> sex() {
        return isUnknown() ? Optional.empty() : Optional.of((digits.charAt(9) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /** Whole years of age on {@code day}, empty when the number holds no birth date. */
    public OptionalInt ageOn(LocalDate day) {
        return birthDate().map(born -> OptionalInt.of(Period.between(born, day).getYears())).orElse(OptionalInt.empty());
    }

    /** Modulus 11 held for every number until 2007; numbers without it are issued since, so this is only a remark. */
    public boolean passesModulus11() {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CprNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked: the birth-date part and four stars, never the sequence number that makes the number a person's. */
    @Override
    public String toString() {
        return digits.substring(0, 6) + "-****";
    }

    private static boolean isTenDigits(String value) {
        return value != null && value.length() == 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
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
