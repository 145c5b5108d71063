package dk.region.medcom.gateway.translate;

/**
 * EDIFACT dates and times to and from the XML forms, by hand: this runs for every message and
 * java.time parsing would cost more than the whole envelope check.
 */
final class DateTimes {

    /** Two-digit UNB years up to this are 20yy, later ones 19yy (the converter's pivot of 20 would read 2026 as 1926). */
    static final int CENTURY_PIVOT = 69;

    private DateTimes() {
    }

    /** {@code YYMMDD} to {@code YYYY-MM-DD}, or null when not a valid date. */
    static String fromYymmdd(String yymmdd) {
        if (yymmdd.length() != 6 || !digits(yymmdd)) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        return checked((yy <= CENTURY_PIVOT ? "20" : "19") + yymmdd);
    }

    /** {@code CCYYMMDD...} (the first 8 characters) to {@code YYYY-MM-DD}, or null. */
    static String dateFromCcyymmdd(String value) {
        return value.length() < 8 || !digits(value) ? null : checked(value.substring(0, 8));
    }

    /** {@code HHMM} at {@code from} to {@code HH:MM}, or null. */
    static String time(String value, int from) {
        if (value.length() < from + 4 || !digits(value)) {
            return null;
        }
        int hh = Integer.parseInt(value.substring(from, from + 2));
        int mm = Integer.parseInt(value.substring(from + 2, from + 4));
        return hh < 24 && mm < 60 ? value.substring(from, from + 2) + ":" + value.substring(from + 2, from + 4) : null;
    }

    /** {@code YYYY-MM-DD} to {@code YYYYMMDD}, or null when not in that form. */
    static String compactDate(String isoDate) {
        if (isoDate == null || isoDate.length() != 10 || isoDate.charAt(4) != '-' || isoDate.charAt(7) != '-') {
            return null;
        }
        String compact = isoDate.substring(0, 4) + isoDate.substring(5, 7) + isoDate.substring(8, 10);
        return digits(compact) && checked(compact) != null ? compact : null;
    }

    /** {@code HH:MM} to {@code HHMM}, or null. */
    static String compactTime(String isoTime) {
        if (isoTime == null || isoTime.length() != 5 || isoTime.charAt(2) != ':') {
            return null;
        }
        String compact = isoTime.substring(0, 2) + isoTime.substring(3, 5);
        return time(compact, 0) == null ? null : compact;
    }

    private static String checked(String ccyymmdd) {
        int month = Integer.parseInt(ccyymmdd.substring(4, 6));
        int day = Integer.parseInt(ccyymmdd.substring(6, 8));
        int year = Integer.parseInt(ccyymmdd.substring(0, 4));
        if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
            return null;
        }
        return ccyymmdd.substring(0, 4) + "-" + ccyymmdd.substring(4, 6) + "-" + ccyymmdd.substring(6, 8);
    }

    static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static boolean digits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
