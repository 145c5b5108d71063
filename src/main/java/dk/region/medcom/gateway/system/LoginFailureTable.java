package dk.region.medcom.gateway.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failed logins of all nodes on one journal database (LoginThrottle), in table
 * {@code login_failure}: one row per caller, named by the SHA-256 of its key (user name or
 * address), so a guessed user name is neither stored nor able to make a row larger. A failure is
 * counted under a row lock, so two nodes counting one caller's failures at once lose neither, and
 * the lock's log line comes from one of them. Bounded: {@link #forget} deletes the rows of callers
 * that have not failed for a while, then all but the {@code maxRows} most recent.
 */
final class LoginFailureTable implements LoginThrottle.Spells {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int maxRows;

    LoginFailureTable(DataSource dataSource, PlatformTransactionManager transactions, int maxRows) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactions);
        this.maxRows = maxRows;
    }

    @Override
    public Optional<LoginThrottle.Spell> get(String key) {
        return jdbc.sql("select failures, not_before from login_failure where key_hash = :key")
                .param("key", hash(key))
                .query((rs, n) -> new LoginThrottle.Spell(rs.getInt(1), instant(rs.getTimestamp(2)))).optional();
    }

    @Override
    public LoginThrottle.Spell failed(String key, Instant now, IntFunction<Instant> notBefore) {
        String hash = hash(key);
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> count(hash, now, notBefore));
            } catch (DuplicateKeyException anotherNodeCountedTheFirst) {
                if (attempt > 0) {
                    throw anotherNodeCountedTheFirst;
                }
            }
        }
    }

    private LoginThrottle.Spell count(String hash, Instant now, IntFunction<Instant> notBefore) {
        Optional<LoginThrottle.Spell> before = jdbc.sql(
                        "select failures, not_before from login_failure where key_hash = :key for update")
                .param("key", hash)
                .query((rs, n) -> new LoginThrottle.Spell(rs.getInt(1), instant(rs.getTimestamp(2)))).optional();
        int failures = before.map(spell -> spell.failures() + 1).orElse(1);
        Instant wait = notBefore.apply(failures);
        // below the delays, an earlier wait (none) stands
        LoginThrottle.Spell after = new LoginThrottle.Spell(failures,
                wait != null ? wait : before.map(LoginThrottle.Spell::notBefore).orElse(null));
        String sql = before.isPresent()
                ? "update login_failure set failures = :failures, not_before = :notBefore, last_failed = :now where key_hash = :key"
                : "insert into login_failure (key_hash, failures, not_before, last_failed) values (:key, :failures, :notBefore, :now)";
        jdbc.sql(sql).param("key", hash).param("failures", failures)
                .param("notBefore", after.notBefore() == null ? null : Timestamp.from(after.notBefore()),
                        java.sql.Types.TIMESTAMP)
                .param("now", Timestamp.from(now)).update();
        return after;
    }

    @Override
    public void remove(String... keys) {
        List<String> hashes = Arrays.stream(keys).map(LoginFailureTable::hash).toList();
        jdbc.sql("delete from login_failure where key_hash in (:keys)").param("keys", hashes).update();
    }

    @Override
    public void forget(Instant before) {
        jdbc.sql("delete from login_failure where last_failed < :before").param("before", Timestamp.from(before)).update();
        jdbc.sql("delete from login_failure where key_hash in (select key_hash from login_failure"
                + " order by last_failed desc, key_hash offset :max rows)").param("max", maxRows).update();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
