package dk.region.medcom.gateway.message;

/**
 * A lokationsnummer (GS1 Global Location Number): 13 digits, the last a check digit. Only a value
 * that passes this test may name a folder or a queue, since a sender's location number decides
 * where its receipts are written.
 */
public final class LocationNumber {

    private LocationNumber() {
    }

    /** Thirteen digits with a valid GS1 check digit. */
    public static boolean isValid(String value) {
        return value != null && value.length() == 13 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                && hasValidCheckDigit(value);
    }

    /** GS1: weights 1,3,1,3,... on the first twelve digits; check = (10 - sum mod 10) mod 10. */
    public static boolean hasValidCheckDigit(String thirteenDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (thirteenDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == thirteenDigits.charAt(12) - '0';
    }
}
