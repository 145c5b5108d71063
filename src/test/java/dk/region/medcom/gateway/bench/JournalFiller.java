package dk.region.medcom.gateway.bench;

import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;

/**
 * Fills a journal with realistic message rows for the console's volume bench (bench/console-volume.sh):
 * a region's year of letters spread over 400 days, by type, sender, receiver, municipality and
 * outcome as a region sees them, each with its stage history. No bodies (lists and detail pages
 * never load one). Arguments: JDBC URL, user, password, number of messages, and "rows" to insert
 * row by row from Java (with random values) instead of one set-based insert per table.
 */
public final class JournalFiller {

    private static final String[] TYPES = {"XDIS91", "XDIS91", "XDIS91", "XREF15", "XREF15", "XGG0130R", "XDIS01"};
    private static final String[][] OUTCOMES = {
            {"ACKNOWLEDGED", "90"}, {"DELIVERED", "4"}, {"QUARANTINED", "3"}, {"DUPLICATE", "1"},
            {"DEAD_LETTER", "1"}, {"REJECTED_BY_RECIPIENT", "1"}};
    private static final String[] STAGES = {"ingest", "parse", "validate", "route", "translate", "deliver"};
    private static final String[] STAGE_STATES = {"RECEIVED", "PARSED", "VALIDATED", "ROUTED", "TRANSLATED", "DELIVERED"};

    private JournalFiller() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[3]);
        Flyway.configure().dataSource(url, args[1], args[2]).locations("classpath:db/migration").load().migrate();
        if (args.length < 5 || !args[4].equals("rows")) {
            fillSetBased(url, args[1], args[2], count);
            return;
        }
        SplittableRandom random = new SplittableRandom(20261206);
        Instant now = Instant.now();
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
            db.setAutoCommit(false);
            PreparedStatement message = db.prepareStatement("""
                    insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_format,
                      message_type, version_code, envelope_id, letter_id, sender_location, receiver_location,
                      recipient_location, municipality, cpr_hash, ack_requested, delivered_at, acknowledged_at, fingerprint)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            PreparedStatement event = db.prepareStatement(
                    "insert into message_event (tracking_id, at, stage, state, detail) values (?, ?, ?, ?, ?)");
            // oldest first, as a journal grows: time-ordered tracking ids then append to the indexes
            long spanSeconds = 400L * 24 * 3600;
            Instant first = now.minus(Duration.ofSeconds(spanSeconds));
            for (int i = 0; i < count; i++) {
                Instant received = first.plusMillis(spanSeconds * 1000 * i / count + random.nextInt(1000));
                String id = TrackingId.keyed(received.toEpochMilli(), new byte[32], Integer.toString(i).getBytes()).value();
                String state = outcome(random.nextInt(100));
                String type = TYPES[random.nextInt(TYPES.length)];
                boolean edifact = type.equals("XDIS91") && random.nextInt(3) == 0;
                String municipality = Integer.toString(101 + random.nextInt(98) * 8);
                String receiver = locationNumber(5790001000000L + random.nextInt(400));
                Timestamp at = Timestamp.from(received);
                Timestamp delivered = Timestamp.from(received.plusMillis(800));
                message.setString(1, id);
                message.setString(2, random.nextBoolean() ? "folder" : "http");
                message.setTimestamp(3, at);
                message.setTimestamp(4, delivered);
                message.setString(5, state);
                message.setLong(6, 2000 + random.nextInt(20000));
                message.setString(7, edifact ? "EDIFACT" : "XML");
                message.setString(8, type);
                message.setString(9, "X" + type.substring(1));
                message.setString(10, "E" + (10_000_000_000L + i));
                message.setString(11, "L" + (10_000_000_000L + i));
                message.setString(12, locationNumber(5790000100000L + random.nextInt(60)));
                message.setString(13, receiver);
                message.setString(14, state.equals("QUARANTINED") ? null : receiver);
                message.setString(15, municipality);
                message.setString(16, String.format("%064x", random.nextLong(1_000_000)));
                message.setBoolean(17, true);
                message.setTimestamp(18, state.equals("QUARANTINED") ? null : delivered);
                message.setTimestamp(19, state.equals("ACKNOWLEDGED") ? Timestamp.from(received.plusSeconds(60)) : null);
                message.setString(20, String.format("%064x", (long) i));
                message.addBatch();
                int stages = state.equals("QUARANTINED") ? 3 : STAGES.length;
                for (int s = 0; s < stages; s++) {
                    event.setString(1, id);
                    event.setTimestamp(2, Timestamp.from(received.plusMillis(100L * s)));
                    event.setString(3, STAGES[s]);
                    boolean rejectedHere = state.equals("QUARANTINED") && s == stages - 1;
                    event.setString(4, rejectedHere ? "REJECTED" : STAGE_STATES[s]);
                    event.setString(5, rejectedHere ? "ERROR XML-SCHEMA line 14, column 22, /Emessage/ClinicalEmail/Letter/Subject: too long" : null);
                    event.addBatch();
                }
                if (i % 20_000 == 19_999 || i == count - 1) {
                    message.executeBatch();
                    event.executeBatch();
                    db.commit();
                }
                if (i % 100_000 == 99_999) {
                    System.out.printf("%,d messages in %d s%n", i + 1, (System.nanoTime() - start) / 1_000_000_000);
                }
            }
        }
        if (url.startsWith("jdbc:h2:")) {
            // H2 leaves the chunks of the load behind; the gateway then opens a compact file
            try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
                db.createStatement().execute("shutdown compact");
            }
        }
        System.out.printf("filled %,d messages in %d s%n", count, (System.nanoTime() - start) / 1_000_000_000);
    }

    /** Rows per transaction of the set-based fill: 10,000,000 messages never sit in one transaction. */
    private static final int CHUNK = 1_000_000;

    /**
     * The same journal written by the database itself (insert ... select over a number series per
     * table, a million messages per transaction): a million messages in minutes instead of an hour of
     * row-by-row inserts. Values follow from the row number i (as in JournalIndexPlansIT): 60 senders
     * and 400 receivers (location numbers with their check digit), 98 municipalities, the types and
     * outcomes in the proportions above, oldest first. The letter id is a ten-digit number scrambled
     * from i (i * 2654435761 mod 10^10: unique, in no order, as letter ids from many senders' systems
     * are); the tracking id ends in i ({@code 00000000-0000-7000-8000-} and i in twelve digits).
     * bench/api-search-10m.sh picks existing ids from the journal itself.
     */
    private static void fillSetBased(String url, String user, String password, int count) throws Exception {
        boolean h2 = url.startsWith("jdbc:h2:");
        long start = System.nanoTime();
        // 400 days before now, evenly, oldest first (a larger i is newer)
        String received = h2
                ? "dateadd('SECOND', cast(i * 34560000 / " + count + " as bigint) - 34560000, current_timestamp)"
                : "current_timestamp + make_interval(secs => (i::bigint * 34560000 / " + count + ") - 34560000)";
        String later = h2 ? "dateadd('SECOND', 1, " + received + ")" : received + " + interval '1 second'";
        String text = h2 ? "cast(i as varchar)" : "i::text";
        String state = """
                case when mod(i, 100) < 90 then 'ACKNOWLEDGED' when mod(i, 100) < 94 then 'DELIVERED'
                     when mod(i, 100) < 97 then 'QUARANTINED' when mod(i, 100) = 97 then 'DUPLICATE'
                     when mod(i, 100) = 98 then 'DEAD_LETTER' else 'REJECTED_BY_RECIPIENT' end""";
        String type = "case mod(i, 7) when 3 then 'XREF15' when 4 then 'XREF15' when 5 then 'XGG0130R'"
                + " when 6 then 'XDIS01' else 'XDIS91' end";
        String letter = "lpad(cast(mod(cast(i as bigint) * 2654435761, 10000000000) as varchar), 10, '0')";
        String trackingId = "'00000000-0000-7000-8000-' || lpad(" + text + ", 12, '0')";
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(true);
            for (long from = 1; from <= count; from += CHUNK) {
                long to = Math.min(count, from + CHUNK - 1);
                String series = h2 ? "system_range(" + from + ", " + to + ") r(i)"
                        : "generate_series(" + from + ", " + to + ") i";
                db.createStatement().execute("""
                        insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_format,
                          message_type, version_code, envelope_id, letter_id, sender_location, receiver_location,
                          recipient_location, municipality, cpr_hash, ack_requested, delivered_at, acknowledged_at, fingerprint)
                        select %7$s, case when mod(i, 2) = 0 then 'folder' else 'http' end,
                          %2$s, %3$s, %4$s, 2000 + mod(i, 20000), case when mod(i, 21) = 0 then 'EDIFACT' else 'XML' end,
                          %5$s, 'X', 'E' || lpad(%1$s, 12, '0'), %8$s, %9$s, %10$s, %10$s, cast(101 + mod(i, 98) * 8 as varchar),
                          lpad(cast(mod(i, 1000000) as varchar), 64, '0'), true, %3$s, null, lpad(%1$s, 64, '0')
                        from %6$s""".formatted(text, received, later, state, type, series, trackingId, letter,
                        locationNumberSql(579000010000L, "mod(i, 60)"), locationNumberSql(579000110000L, "mod(i, 400)")));
                db.createStatement().execute("""
                        insert into message_event (tracking_id, at, stage, state, detail)
                        select %1$s, %2$s, s.stage, s.state, null
                        from %3$s cross join (values ('ingest', 'RECEIVED'), ('parse', 'PARSED'), ('validate', 'VALIDATED'),
                          ('route', 'ROUTED'), ('translate', 'TRANSLATED'), ('deliver', 'DELIVERED')) s(stage, state)"""
                        .formatted(trackingId, received, series));
                System.out.printf("%,d messages in %d s%n", to, (System.nanoTime() - start) / 1_000_000_000);
            }
            if (!h2) {
                // what autovacuum would have done to a journal that grew over a year: statistics and
                // the visibility map (index-only scans)
                db.createStatement().execute("vacuum (analyze)");
            }
        }
        if (h2) {
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                db.createStatement().execute("shutdown compact");
            }
        }
        System.out.printf("filled %,d messages in %d s%n", count, (System.nanoTime() - start) / 1_000_000_000);
    }

    /**
     * A location number in SQL: the twelve digits {@code base + n} (n an expression below 1,000, so only
     * the last three digits vary) and the GS1 check digit, as {@link #locationNumber}.
     */
    private static String locationNumberSql(long base, String n) {
        String digits = Long.toString(base);
        int fixed = 0; // the weighted sum of the nine digits that do not vary
        for (int i = 3; i < 12; i++) {
            fixed += (digits.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        String sum = fixed + " + 3 * mod(" + n + ", 10) + mod(" + n + " / 10, 10) + 3 * mod(" + n + " / 100, 10)";
        return "cast(" + base + " + " + n + " as varchar) || cast(mod(10 - mod(" + sum + ", 10), 10) as varchar)";
    }

    private static String outcome(int percent) {
        int sum = 0;
        for (String[] outcome : OUTCOMES) {
            sum += Integer.parseInt(outcome[1]);
            if (percent < sum) {
                return outcome[0];
            }
        }
        return "ACKNOWLEDGED";
    }

    /** Twelve digits and the GS1 check digit. */
    private static String locationNumber(long twelve) {
        String digits = Long.toString(twelve);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return digits + (10 - sum % 10) % 10;
    }
}
