package dk.region.medcom.gateway.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a message's own values may appear in a finding or a log line: a bounded excerpt with
 * control characters replaced and anything shaped like a CPR number masked. Findings and logs
 * leave the gateway (error files, receipts, log stores), message content must not.
 */
public final class Excerpt {

    /** The longest excerpt of one input value a finding or log line carries (an..35: EDIFACT's identifier length). */
    public static final int MAX_CHARS = 35;
    /** The longest finding text: templates plus excerpts, never a whole value of any size. */
    public static final int MAX_TEXT_CHARS = 500;
    /** A run of non-space characters longer than this in a finding text is input, not template: it is cut. */
    static final int MAX_TOKEN_CHARS = 64;

    static final String MASK = "**********";
    /**
     * Ten digits (DDMMYYSSSS) or DDMMYY-SSSS, and any longer run of digits except thirteen (a
     * location number), as a longer run may hide a CPR number.
     */
    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)(\\d{6}-\\d{4}|\\d{10,12}|\\d{14,})(?!\\d)");
    /** The gateway's own tracking ids (version 7 UUIDs): a finding may name them whole. */
    private static final Pattern TRACKING_ID =
            Pattern.compile("(?<![0-9A-Za-z-])[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(?![0-9A-Za-z-])");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern LONG_TOKEN = Pattern.compile("\\S{" + (MAX_TOKEN_CHARS + 1) + ",}");

    private Excerpt() {
    }

    /** A value from the message as a finding or log line may show it; "(none)" for null. */
    public static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        String head = value.length() > MAX_CHARS ? value.substring(0, MAX_CHARS) : value;
        String safe = maskCpr(CONTROL.matcher(head).replaceAll("?"));
        if (value.length() > MAX_CHARS) {
            // cut before masking would show a CPR number split at the cut; mask the tail digits too
            safe = maskCpr(safe.replaceAll("\\d+$", "")) + "… (" + value.length() + " characters)";
        }
        return safe;
    }

    /** As {@link #of}, but null stays null (for logs and reports that show a missing value as such). */
    public static String orNull(String value) {
        return value == null ? null : of(value);
    }

    /** Every CPR-shaped number in {@code text} masked. */
    public static String maskCpr(String text) {
        return text == null ? null : CPR_SHAPED.matcher(text).replaceAll(MASK);
    }

    /** As {@link #maskCpr}, but the gateway's own tracking ids, whose last group may be twelve digits, stay whole. */
    private static String maskCprOutsideTrackingIds(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        Matcher trackingId = TRACKING_ID.matcher(text);
        int from = 0;
        while (trackingId.find()) {
            safe.append(maskCpr(text.substring(from, trackingId.start()))).append(trackingId.group());
            from = trackingId.end();
        }
        return safe.append(maskCpr(text.substring(from))).toString();
    }

    /**
     * A whole finding text made safe however it was built: control characters replaced (a finding is
     * one line), CPR-shaped numbers masked, over-long runs of characters cut, the length bounded.
     */
    static String guardText(String text) {
        if (text == null) {
            return null;
        }
        // most finding texts have nothing to guard: one scan instead of four regular expressions
        // (they were a tenth of a DIS91 translation's CPU, which carries two such warnings)
        return text.length() <= MAX_TEXT_CHARS && nothingToGuard(text) ? text : guardByPatterns(text);
    }

    static String guardByPatterns(String text) {
        String safe = text.length() > 4 * MAX_TEXT_CHARS ? text.substring(0, 4 * MAX_TEXT_CHARS) : text;
        safe = CONTROL.matcher(safe).replaceAll(" ");
        safe = LONG_TOKEN.matcher(safe).replaceAll(m -> Matcher.quoteReplacement(of(m.group())));
        safe = maskCprOutsideTrackingIds(safe);
        return safe.length() > MAX_TEXT_CHARS ? safe.substring(0, MAX_TEXT_CHARS - 1) + "…" : safe;
    }

    /**
     * True when none of {@link #guardText}'s patterns can match: no control or format character
     * (nor a surrogate, which may be one), no run of ten digits or six digits and a hyphen, no run
     * of non-space characters (as {@code \\S}) longer than {@link #MAX_TOKEN_CHARS}.
     */
    private static boolean nothingToGuard(String text) {
        int digits = 0;
        int token = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c)) {
                return false;
            }
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            token = space ? 0 : token + 1;
            if (token > MAX_TOKEN_CHARS) {
                return false;
            }
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return false;
                }
            } else {
                if (c == '-' && digits == 6) {
                    return false;
                }
                digits = 0;
            }
        }
        return true;
    }
}
