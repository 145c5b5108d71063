package dk.region.medcom.gateway.journal.search;

import dk.region.medcom.gateway.journal.CprHasher;
import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.JournalRows;
import dk.region.medcom.gateway.message.Excerpt;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a patient's messages by CPR number, through its keyed hash, and writes every search to the
 * audit table: who, when, why and how many messages were found, never the number searched for
 * (nor one typed into the reason: it is masked there).
 */
@Service
public class CprSearch {

    private final JdbcClient jdbc;
    private final JournalSearch search;
    private final CprHasher hasher;
    private final Clock clock;

    CprSearch(JdbcClient jdbc, JournalSearch search, CprHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Empty when {@code cpr} is not a CPR number (nothing is searched or audited then). */
    @Transactional
    public Optional<List<MessageSummary>> search(String cpr, String reason, String username) {
        Optional<String> hash = hasher.hash(cpr);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        List<MessageSummary> found = search.byCprHash(hash.get());
        jdbc.sql("insert into cpr_search_audit (at, username, reason, hits) values (:at, :user, :reason, :hits)")
                .param("at", Timestamp.from(clock.instant())).param("user", username)
                .param("reason", Excerpt.maskCpr(reason.strip())).param("hits", found.size())
                .update();
        return Optional.of(found);
    }

    public Page<AuditRecord> auditLog(int page, int size) {
        long total = jdbc.sql("select count(*) from cpr_search_audit").query(Long.class).single();
        List<AuditRecord> items = jdbc.sql(
                        "select at, username, reason, hits from cpr_search_audit order by id desc limit :limit offset :offset")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditRecord(JournalRows.instant(rs, "at"), rs.getString("username"),
                        rs.getString("reason"), rs.getInt("hits")))
                .list();
        return new Page<>(page, size, total, items);
    }

    /** One CPR search as the audit table keeps it. */
    public record AuditRecord(Instant at, String username, String reason, int hits) {
    }
}
