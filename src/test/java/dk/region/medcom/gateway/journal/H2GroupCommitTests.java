package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that has waited for {@link H2GroupCommit} survives the process dying at once after it
 * (halt: no shutdown hooks, no H2 close, as with SIGKILL), also when many threads commit at once;
 * without the wait, the same commit is lost (H2's write delay holds it in memory), which shows the
 * test can tell the two apart.
 */
class H2GroupCommitTests {

    private static final int THREADS = 8;
    private static final int COMMITS_PER_THREAD = 50;

    @TempDir
    Path folder;

    @Test
    void aCommitThatWaitedIsInTheFileWhenTheProcessDies() throws Exception {
        assertThat(runAndKill("wait")).contains("committed");

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aCommitThatDidNotWaitIsLostWhenTheProcessDies() throws Exception {
        assertThat(runAndKill("no-wait")).contains("committed");

        assertThat(rows()).isZero();
    }

    @Test
    void concurrentCommitsShareStoresAndAllSurvive() throws Exception {
        String output = runAndKill("concurrent");

        assertThat(rows()).isEqualTo(THREADS * COMMITS_PER_THREAD);
        long stores = Long.parseLong(output.replaceAll("(?s).*stores=(\\d+).*", "$1"));
        assertThat(stores).isPositive().isLessThan(THREADS * COMMITS_PER_THREAD);
    }

    private String runAndKill(String mode) throws Exception {
        Path output = folder.resolve(mode + ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Committer.class.getName(), url(), mode)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.nio.file.Files.readString(output);
    }

    private String url() {
        // a write delay far longer than the test, so only H2GroupCommit can have stored the rows
        return "jdbc:h2:file:" + folder.resolve("journal") + ";WRITE_DELAY=600000";
    }

    private long rows() throws SQLException {
        try (Connection connection = dataSource(url()).getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from letter")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** The process that commits and then dies at once: {@code <url> wait|no-wait|concurrent}. */
    public static final class Committer {

        public static void main(String[] args) throws Exception {
            JdbcDataSource dataSource = dataSource(args[0]);
            // open until the end: H2 closes (and so stores) a database when its last connection closes
            Connection keeper = dataSource.getConnection();
            H2GroupCommit groupCommit = H2GroupCommit.of(dataSource).orElseThrow();
            try (Statement statement = keeper.createStatement()) {
                statement.execute("create table letter (id int primary key)");
                groupCommit.awaitStored();
            }
            switch (args[1]) {
                case "wait" -> {
                    insert(dataSource, 1);
                    groupCommit.awaitStored();
                }
                case "no-wait" -> insert(dataSource, 1);
                default -> commitConcurrently(dataSource, groupCommit);
            }
            System.out.println("committed stores=" + groupCommit.stores());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }

        private static void commitConcurrently(JdbcDataSource dataSource, H2GroupCommit groupCommit) throws Exception {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t * COMMITS_PER_THREAD;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                        insert(dataSource, first + i);
                        groupCommit.awaitStored();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private static void insert(JdbcDataSource dataSource, int id) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("insert into letter values (" + id + ")");
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
