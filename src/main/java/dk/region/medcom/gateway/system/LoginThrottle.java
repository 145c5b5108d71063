package dk.region.medcom.gateway.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (LoginProperties): remembers failed logins per user name and per
 * remote address, and says how long a caller must wait before it may try again. A spell of
 * failures is logged once when the delays begin and once when the lock begins (user name cleaned
 * and cut short, never the password), and every failure counts in
 * {@code medcom_login_failures_total}.
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
    private final Map<String, Spell> spells = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Spell> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(LoginProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Counter.builder("medcom.login.failures")
                .description("Failed HTTP logins (wrong user name or password)").register(meters);
    }

    private static final class Spell {
        int failures;
        Instant notBefore = Instant.MIN;
    }

    /** How long {@code user} from {@code address} must still wait; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(notBefore(userKey(user)), notBefore(addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String user, String address) {
        failures.increment();
        count(userKey(user), "user '" + printable(user) + "'");
        count(addressKey(address), "address " + printable(address));
    }

    public synchronized void succeeded(String user, String address) {
        spells.remove(userKey(user));
        spells.remove(addressKey(address));
    }

    private void count(String key, String who) {
        Spell spell = spells.computeIfAbsent(key, k -> new Spell());
        spell.failures++;
        Instant now = clock.instant();
        if (spell.failures >= properties.lockAfter()) {
            spell.notBefore = now.plus(properties.lockFor());
            if (spell.failures == properties.lockAfter()) {
                LOG.warn("login: {} locked for {} after {} failed logins", who, properties.lockFor(), spell.failures);
            }
        } else if (spell.failures >= properties.delayAfter()) {
            int doublings = Math.min(spell.failures - properties.delayAfter(), 20);
            spell.notBefore = now.plus(properties.firstDelay().multipliedBy(1L << doublings));
            if (spell.failures == properties.delayAfter()) {
                LOG.warn("login: {} failed {} times; further attempts are delayed", who, spell.failures);
            }
        }
    }

    private Instant notBefore(String key) {
        Spell spell = spells.get(key);
        if (spell != null && spell.failures >= properties.lockAfter() && !spell.notBefore.isAfter(clock.instant())) {
            spells.remove(key); // the lock has run out: a fresh start
            return Instant.MIN;
        }
        return spell == null ? Instant.MIN : spell.notBefore;
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
}
