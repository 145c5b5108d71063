package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.journal.search.SearchCriteria;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The search's query parameters in the user's terms: a state in any case, a time as an ISO instant
 * ({@code 2026-12-06T08:00:00Z}), with an offset, or as a Danish calendar day ({@code 2026-12-06}: from
 * its start; as {@code to}, to its end). A value it cannot take is refused with a 400 that names the
 * parameter and what it accepts, never echoing more than a short piece of the value.
 */
public final class SearchParameters {

    static final int MAX_PAGE_SIZE = 500;
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final String STATES = Arrays.stream(MessageState.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private SearchParameters() {
    }

    /** A search of the journal as asked for: what to find, and which page of how many. */
    public record Query(SearchCriteria criteria, int page, int size) {
    }

    /**
     * The query parameters of {@code GET /api/messages} (and the console's {@code /messages}), read;
     * a value that cannot be taken is a {@link Refusal} (400) naming the parameter.
     */
    public static Query read(String letterId, String envelopeId, String sender, String receiver, String municipality,
                             String type, String state, String from, String to, String page, String size) {
        return new Query(new SearchCriteria(letterId, envelopeId, sender, receiver, municipality, type, state(state),
                from(from), to(to)), page(page), size(size));
    }

    static MessageState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MessageState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("state", value, "one of " + STATES + " (any case)");
        }
    }

    /** The start of a time range, inclusive. */
    static Instant from(String value) {
        return time("from", value, false);
    }

    /** The end of a time range, exclusive; a calendar day counts whole. */
    static Instant to(String value) {
        return time("to", value, true);
    }

    public static int page(String value) {
        return number("page", value, 0, 0, Integer.MAX_VALUE, "a whole number from 0 (pages count from 0)");
    }

    public static int size(String value) {
        return number("size", value, 50, 1, MAX_PAGE_SIZE, "a whole number from 1 to " + MAX_PAGE_SIZE);
    }

    private static Instant time(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DANISH_TIME).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw refused(name, value, "a day (2026-12-06, Danish time) or a time with its offset"
                    + " (2026-12-06T08:00:00Z, 2026-12-06T09:00:00+01:00)");
        }
    }

    private static int number(String name, String value, int absent, int min, int max, String accepts) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(name, value, accepts);
    }

    private static Refusal refused(String name, String value, String accepts) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return new Refusal(HttpStatus.BAD_REQUEST, name + ": '" + shown.replaceAll("[^\\x20-\\x7e]", "?")
                + "' is not " + accepts);
    }
}
