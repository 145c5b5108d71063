package dk.region.medcom.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A real PostgreSQL server on loopback for the tests, through bench/postgres.sh (as the crash test starts one). */
public final class BenchPostgres implements AutoCloseable {

    private final Path work;
    private final DriverManagerDataSource database;

    private BenchPostgres(Path work, DriverManagerDataSource database) {
        this.work = work;
        this.database = database;
    }

    /**
     * Starts a server in a new folder under /tmp (a short path: PostgreSQL's socket lives in it, and
     * socket paths are limited to 107 bytes) on a free port, with the journal's schema migrated.
     */
    public static BenchPostgres start(String name) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(Path.of("/tmp"), "medcom-pg-" + name);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run("WORK=" + work + " PG_PORT=" + port + "; start_postgres");
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + port + "/medcom", "medcom", "medcom-bench");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        return new BenchPostgres(work, database);
    }

    /** The journal database (user medcom). */
    public DriverManagerDataSource database() {
        return database;
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("PG_DIR=" + work.resolve("pgdata") + "; stop_postgres; rm -rf " + work);
    }

    /** Runs bench/postgres.sh's functions ({@code start_postgres}, {@code stop_postgres}); fails with the script's output when it fails. */
    public static void run(String commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -euo pipefail; . bench/postgres.sh; " + commands)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("bench/postgres.sh finished").isTrue();
        assertThat(process.exitValue()).as("bench/postgres.sh: " + output).isZero();
    }
}
