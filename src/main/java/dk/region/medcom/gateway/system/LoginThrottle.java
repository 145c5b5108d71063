package dk.region.medcom.gateway.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

/**
 * Slows down password guessing (LoginProperties): remembers failed logins per user name and per
 * remote address, and says how long a caller must wait before it may try again. A spell of
 * failures is logged once when the delays begin and once when the lock begins (user name cleaned
 * and cut short, never the password), and every failure counts in
 * {@code medcom_login_failures_total}.
 *
 * <p>Where the failures are kept: with a PostgreSQL journal, which several nodes may share, in the
 * journal's table {@code login_failure} (LoginFailureTable), so that a caller who alternates
 * between nodes gets no more guesses than on one; with the embedded H2 journal (one node), in
 * memory. Either way at most {@link #MAX_KEYS} callers, the least recent forgotten first.
 */
@Component
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Keys remembered at most; the oldest are forgotten first, so guessed names cannot fill the heap. */
    static final int MAX_KEYS = 10_000;
    private static final int MAX_NAME_IN_LOG = 32;

    private final LoginProperties properties;
    private final Clock clock;
    private final Counter failures;
    private final Spells spells;

    /** In memory: one node's. */
    public LoginThrottle(LoginProperties properties, Clock clock, MeterRegistry meters) {
        this(properties, clock, meters, new MemorySpells());
    }

    /** Shared through the journal database when that is PostgreSQL (other nodes may use it), else in memory. */
    @Autowired
    LoginThrottle(LoginProperties properties, Clock clock, MeterRegistry meters, DataSource dataSource,
                  PlatformTransactionManager transactions, @Value("${spring.datasource.url:}") String databaseUrl) {
        this(properties, clock, meters, databaseUrl.startsWith("jdbc:postgresql:")
                ? new SharedOrLocal(new LoginFailureTable(dataSource, transactions, MAX_KEYS)) : new MemorySpells());
    }

    LoginThrottle(LoginProperties properties, Clock clock, MeterRegistry meters, Spells spells) {
        this.properties = properties;
        this.clock = clock;
        this.spells = spells;
        this.failures = Counter.builder("medcom.login.failures")
                .description("Failed HTTP logins (wrong user name or password)").register(meters);
    }

    /** A caller's failures so far and when it may try again ({@code null}: at once). */
    record Spell(int failures, Instant notBefore) {
    }

    /** Where spells are kept, by key ({@code u:<user name>} or {@code a:<address>}). */
    interface Spells {

        Optional<Spell> get(String key);

        /** Counts one more failure, with the wait its new count gives; one at a time per key, across nodes too. */
        Spell failed(String key, Instant now, IntFunction<Instant> notBefore);

        void remove(String... keys);

        /** Forgets spells last failed before {@code before}, and the least recent beyond the limit. */
        default void forget(Instant before) {
        }
    }

    /** How long {@code user} from {@code address} must still wait; empty when it may try now. */
    public Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(notBefore(userKey(user)), notBefore(addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String user, String address) {
        failures.increment();
        count(userKey(user), "user '" + printable(user) + "'");
        count(addressKey(address), "address " + printable(address));
    }

    public void succeeded(String user, String address) {
        spells.remove(userKey(user), addressKey(address));
    }

    /**
     * Forgets the failures of callers that have not failed for a day (the lock and the longest delay
     * are long over), so that a shared table does not keep every name ever guessed. Each node does
     * it; it deletes only what is due.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void forgetOld() {
        spells.forget(clock.instant().minus(Duration.ofDays(1)));
    }

    private void count(String key, String who) {
        Spell spell = spells.failed(key, clock.instant(), this::notBefore);
        if (spell.failures() == properties.lockAfter()) {
            LOG.warn("login: {} locked for {} after {} failed logins", who, properties.lockFor(), spell.failures());
        } else if (spell.failures() == properties.delayAfter()) {
            LOG.warn("login: {} failed {} times; further attempts are delayed", who, spell.failures());
        }
    }

    /** Until when a caller with {@code failures} failures, the last one now, must wait; null: not at all. */
    private Instant notBefore(int failures) {
        Instant now = clock.instant();
        if (failures >= properties.lockAfter()) {
            return now.plus(properties.lockFor());
        }
        if (failures >= properties.delayAfter()) {
            int doublings = Math.min(failures - properties.delayAfter(), 20);
            return now.plus(properties.firstDelay().multipliedBy(1L << doublings));
        }
        return null;
    }

    private Instant notBefore(String key) {
        Optional<Spell> spell = spells.get(key);
        if (spell.isEmpty() || spell.get().notBefore() == null) {
            return Instant.MIN;
        }
        if (spell.get().failures() >= properties.lockAfter() && !spell.get().notBefore().isAfter(clock.instant())) {
            spells.remove(key); // the lock has run out: a fresh start
            return Instant.MIN;
        }
        return spell.get().notBefore();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String user) {
        return "u:" + (user.length() > 256 ? user.substring(0, 256) : user);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    /** Letters, digits and a few marks, at most 32 of them: a user name cannot forge log lines. */
    static String printable(String value) {
        String cut = value.length() > MAX_NAME_IN_LOG ? value.substring(0, MAX_NAME_IN_LOG) + "..." : value;
        return cut.replaceAll("[^A-Za-z0-9._@:+-]", "?");
    }

    /**
     * The shared table, and this node's memory while the database does not answer: logins go on
     * being throttled (per node meanwhile) rather than failing with the journal.
     */
    static final class SharedOrLocal implements Spells {

        private final Spells shared;
        private final Spells local = new MemorySpells();
        private volatile long warnedAt;

        SharedOrLocal(Spells shared) {
            this.shared = shared;
        }

        @Override
        public Optional<Spell> get(String key) {
            try {
                return shared.get(key).or(() -> local.get(key));
            } catch (DataAccessException | TransactionException e) {
                unavailable(e);
                return local.get(key);
            }
        }

        @Override
        public Spell failed(String key, Instant now, IntFunction<Instant> notBefore) {
            try {
                return shared.failed(key, now, notBefore);
            } catch (DataAccessException | TransactionException e) {
                unavailable(e);
                return local.failed(key, now, notBefore);
            }
        }

        @Override
        public void remove(String... keys) {
            local.remove(keys);
            try {
                shared.remove(keys);
            } catch (DataAccessException | TransactionException e) {
                unavailable(e);
            }
        }

        @Override
        public void forget(Instant before) {
            try {
                shared.forget(before);
            } catch (DataAccessException | TransactionException e) {
                unavailable(e);
            }
        }

        private void unavailable(RuntimeException e) {
            long now = System.currentTimeMillis();
            if (now - warnedAt > 60_000) {
                warnedAt = now;
                LOG.warn("login: failed logins counted on this node alone meanwhile: the journal database does not answer ({})",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** One node's spells, in memory. */
    static final class MemorySpells implements Spells {

        private final Map<String, Spell> spells = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Spell> eldest) {
                return size() > MAX_KEYS;
            }
        };

        @Override
        public synchronized Optional<Spell> get(String key) {
            return Optional.ofNullable(spells.get(key));
        }

        @Override
        public synchronized Spell failed(String key, Instant now, IntFunction<Instant> notBefore) {
            Spell before = spells.get(key);
            int count = before == null ? 1 : before.failures() + 1;
            Instant wait = notBefore.apply(count);
            // below the delays, an earlier wait (none) stands
            Spell after = new Spell(count, wait != null ? wait : before == null ? null : before.notBefore());
            spells.put(key, after);
            return after;
        }

        @Override
        public synchronized void remove(String... keys) {
            for (String key : keys) {
                spells.remove(key);
            }
        }
    }
}
