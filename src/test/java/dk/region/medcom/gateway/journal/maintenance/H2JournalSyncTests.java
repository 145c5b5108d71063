package dk.region.medcom.gateway.journal.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The sync runs as the journal's user (H2 wants an admin for it) and never fails the caller. */
class H2JournalSyncTests {

    @TempDir
    Path dir;

    @Test
    void theJournalsUserSyncsTheFile() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SingleConnectionDataSource journal = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("gateway") + ";WRITE_DELAY=0", "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(journal);
            jdbc.execute("create table t (id int primary key)");
            jdbc.update("insert into t values (1)");

            new H2JournalSync(jdbc, meters).sync();

            assertThat(meters.get("medcom.journal.syncs").timer().count()).isEqualTo(1);
        } finally {
            journal.destroy();
        }
    }

    @Test
    void aFailedSyncIsLeftForTheNextRun() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + dir.resolve("missing/gateway") + ";IFEXISTS=TRUE");
        H2JournalSync sync = new H2JournalSync(new JdbcTemplate(missing), meters);

        sync.sync();
        sync.sync();

        assertThat(meters.get("medcom.journal.syncs").timer().count()).isZero();
    }
}
