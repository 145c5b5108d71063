package dk.region.medcom.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A real PostgreSQL server on loopback for the tests, through bench/postgres.sh (as the crash test starts one). */
public final class BenchPostgres {

    private BenchPostgres() {
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
