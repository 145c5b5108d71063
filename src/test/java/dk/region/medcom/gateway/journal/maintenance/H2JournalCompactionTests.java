package dk.region.medcom.gateway.journal.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same churn (many small commits that rewrite the same rows, as the pipeline's journal does)
 * against two H2 file databases, one compacted now and then: its file stays a fraction of the
 * other's, and both hold the same rows. H2's retention time is 0 here, so chunks may be reclaimed
 * at once; the gateway keeps H2's default of 45 s.
 */
class H2JournalCompactionTests {

    private static final int COMMITS = 3000;

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileSmallAndTheRowsIntact() throws Exception {
        JdbcDataSource plain = database("plain");
        JdbcDataSource compacted = database("compacted");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        H2JournalCompaction compaction = new H2JournalCompaction(compacted, 1024 * 1024, meters);

        churn(plain, () -> { });
        churn(compacted, compaction::compact);

        long plainSize = fileSize("plain");
        long compactedSize = fileSize("compacted");
        assertThat(compactedSize).as("compacted %d bytes, plain %d bytes", compactedSize, plainSize)
                .isLessThan(plainSize / 3);
        assertThat(meters.get("medcom.journal.compactions").timer().count()).isPositive();
        assertThat(contents(compacted)).isEqualTo(contents(plain)).isEqualTo((long) COMMITS * (COMMITS + 1) / 2);
        shutdown(plain);
        shutdown(compacted);
    }

    @Test
    void aDatabaseThatIsNotReachableIsLeftForTheNextRun() {
        JdbcDataSource closed = new JdbcDataSource();
        closed.setURL("jdbc:h2:file:" + dir.resolve("missing/db") + ";IFEXISTS=TRUE");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new H2JournalCompaction(closed, 1024, meters).compact();

        assertThat(meters.get("medcom.journal.compactions").timer().count()).isZero();
    }

    private JdbcDataSource database(String name) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve(name) + "/db;WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, n bigint not null, note varchar(200) not null)");
            s.execute("create index t_n_idx on t (n)");
            s.execute("insert into t values (0, 0, 'total')");
        }
        return dataSource;
    }

    /**
     * Like the journal: each commit adds a row and updates a running total. A chunk's pages die as
     * later commits rewrite them, except the leaf pages that filled up in it, so every chunk keeps
     * a few live pages and H2 alone never frees it.
     */
    private static void churn(JdbcDataSource dataSource, Runnable everyHundredCommits) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into t (id, n, note) values (?, ?, repeat('x', 200))");
             PreparedStatement total = c.prepareStatement("update t set n = n + ? where id = 0")) {
            for (int i = 1; i <= COMMITS; i++) {
                insert.setInt(1, i);
                insert.setLong(2, i);
                insert.executeUpdate();
                total.setLong(1, i);
                total.executeUpdate();
                if (i % 100 == 0) {
                    everyHundredCommits.run();
                }
            }
        }
    }

    /** The sum of the added rows, checked against the running total. */
    private static long contents(JdbcDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet sums = s.executeQuery("select (select sum(n) from t where id > 0), n from t where id = 0")) {
            sums.next();
            assertThat(sums.getLong(1)).isEqualTo(sums.getLong(2));
            return sums.getLong(1);
        }
    }

    private static void shutdown(JdbcDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown immediately");
        }
    }

    private long fileSize(String name) throws Exception {
        return Files.size(dir.resolve(name).resolve("db.mv.db"));
    }
}
