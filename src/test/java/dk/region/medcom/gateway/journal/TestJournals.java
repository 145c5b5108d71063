package dk.region.medcom.gateway.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** A real journal on the test's database, for tests outside the journal's own package. */
public final class TestJournals {

    private TestJournals() {
    }

    /** A journal with an all-zero key, writing through {@code writer}. */
    public static Journal journal(NamedParameterJdbcTemplate named, JdbcClient jdbc, Clock clock, JournalWriter writer) {
        byte[] key = new byte[32];
        return new Journal(named, clock, new BodyStore(jdbc, new BodyCipher(key)), new CprHasher(key), writer);
    }

    /** A writer committing at once (no group-commit window). */
    public static JournalWriter writer(PlatformTransactionManager transactions, MeterRegistry meters) {
        return new JournalWriter(transactions, meters, Duration.ZERO);
    }

    /** A clock the test moves, starting at 2026-01-01T00:00Z. */
    public static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
