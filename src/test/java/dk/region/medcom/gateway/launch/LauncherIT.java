package dk.region.medcom.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What README's run command starts, after {@code package}: {@code bin/medcom-gateway} finds the
 * built jar in a source checkout; the built jar answers help and version without starting and
 * refuses a data folder in use; the class-data archive {@code verify} wrote belongs to exactly
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

    @Test
    void helpAndVersionAnswerWithoutStartingTheGateway() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "launcher-help");
        for (List<String> arguments : List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("serve", "--help"),
                List.of("--gateway.data-dir=elsewhere", "--help"), List.of("translate", "--help"), List.of("replay", "-h"))) {
            Result result = run(jar(arguments), folder);

            assertThat(result.exit()).as(arguments + ": " + result.output()).isZero();
            assertThat(result.output()).as(arguments.toString()).contains("Usage: medcom-gateway").doesNotContain("Started");
        }
        assertThat(folder).as("no data folder was made: nothing started").isEmptyDirectory();

        Result version = run(jar(List.of("--version")), folder);
        assertThat(version.exit()).isZero();
        assertThat(version.output().strip()).matches("medcom-gateway \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void aSecondGatewayOnADataFolderInUseSaysSoInOneLineAndExits() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "launcher-data").toAbsolutePath();
        // the first gateway: this test process holds the lock, as a running gateway would
        try (FileChannel channel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Result second = run(jar(List.of("--gateway.data-dir=" + data, "--server.port=0")), Path.of("."));

            assertThat(second.exit()).as(second.output()).isEqualTo(3);
            assertThat(second.output().strip()).as("one line").doesNotContain("\n")
                    .contains("the data folder " + data + " is in use by another gateway");
            assertThat(data.resolve("artemis")).as("the broker never started").doesNotExist();
            assertThat(data.resolve("journal")).as("the journal never started").doesNotExist();
        }
    }

    private static List<String> jar(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                Path.of("target/medcom-gateway.jar").toAbsolutePath().toString()));
        command.addAll(arguments);
        return command;
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Path.of("."));
    }

    private static Result run(List<String> command, Path workingFolder) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Path.of("target").toAbsolutePath(), "launcher", ".out");
        Process process = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
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
