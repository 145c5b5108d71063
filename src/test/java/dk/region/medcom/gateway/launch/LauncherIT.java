package dk.region.medcom.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What README's run command starts, after {@code package}: {@code bin/medcom-gateway} finds the
 * built jar in a source checkout, and the class-data archive the build wrote belongs to exactly
 * these jars ({@code -Xshare:on} refuses to start with a missing or stale archive, where the
 * script's {@code -Xshare:auto} would quietly start slower).
 */
class LauncherIT {

    private static final Path ARCHIVE = Path.of("target/medcom-gateway.jsa");
    private static final String SAMPLE = "samples/xdis91/xdis91-valid-needs-assessment.xml";

    @Test
    void theStartScriptRunsTheBuiltJarFromTheCheckout() throws Exception {
        Result result = run(List.of("sh", "bin/medcom-gateway", "validate", SAMPLE));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().strip().lines().reduce((first, second) -> second)).contains("valid");
    }

    @Test
    void theClassDataArchiveMatchesTheBuiltJars() throws Exception {
        assertThat(ARCHIVE).as("mvn package writes it (unless -Dcds.skip)").exists();

        Result result = run(List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xmx256m",
                "-XX:+UseSerialGC", "-jar", "target/medcom-gateway.jar", "validate", SAMPLE));

        assertThat(result.exit()).as(result.output()).isZero();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Path.of("target"), "launcher", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no answer within 60 s: " + command);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.exitValue(), text);
    }

    private record Result(int exit, String output) {
    }
}
