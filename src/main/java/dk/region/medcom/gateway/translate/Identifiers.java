package dk.region.medcom.gateway.translate;

/** Shape checks for Danish identifiers (medcom-facts §7). Neither check looks at mod 11. */
final class Identifiers {

    private Identifiers() {
    }

    /** Ten digits with a day valid for the month (Feb up to 29), or the all-zero placeholder. */
    static boolean isCpr(String value) {
        if (value == null || value.length() != 10 || !DateTimes.digits(value)) {
            return false;
        }
        if (value.equals("0000000000")) {
            return true;
        }
        int day = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        return month >= 1 && month <= 12 && day >= 1 && day <= DateTimes.daysIn(month, 2000);
    }

    /** 13 digits whose last is the GS1 check digit. */
    static boolean isGln(String value) {
        if (value == null || value.length() != 13 || !DateTimes.digits(value)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (value.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == value.charAt(12) - '0';
    }
}
