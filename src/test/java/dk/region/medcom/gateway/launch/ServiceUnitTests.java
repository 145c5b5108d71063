package dk.region.medcom.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/systemd/medcom-gateway.service: the hardening an operator expects, a stop that fits the
 * gateway's graceful shutdown, and a unit systemd itself accepts ({@code systemd-analyze verify},
 * where the machine has it).
 */
class ServiceUnitTests {

    static final Path UNIT = Path.of("config/systemd/medcom-gateway.service");
    static final String INSTALLED_AT = "/opt/medcom-gateway";

    @Test
    void theServiceRunsHardenedAsItsOwnUserAndWritesOnlyItsDataFolder() throws IOException {
        Map<String, List<String>> service = section("Service");

        assertThat(service.get("User")).containsExactly("medcom-gateway");
        assertThat(service.get("NoNewPrivileges")).containsExactly("true");
        assertThat(service.get("ProtectSystem")).containsExactly("strict");
        assertThat(service.get("ReadWritePaths")).containsExactly("/var/lib/medcom-gateway");
        assertThat(service.get("WorkingDirectory")).containsExactly("/var/lib/medcom-gateway");
        assertThat(service.get("ProtectHome")).containsExactly("true");
        assertThat(service.get("PrivateTmp")).containsExactly("true");
        assertThat(service.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(service.get("Restart")).containsExactly("on-failure");
        assertThat(service).as("the JVM's compiler writes code it runs").doesNotContainKey("MemoryDenyWriteExecute");
    }

    @Test
    void aStopIsGracefulAndSystemdWaitsLongerThanTheGatewaysShutdown() throws IOException {
        Map<String, List<String>> service = section("Service");

        assertThat(service.get("KillSignal")).containsExactly("SIGTERM");
        assertThat(service.get("SuccessExitStatus")).containsExactly("143");
        // longer than Spring's graceful phase (application-production.yaml) plus Camel's route shutdown
        String phase = Files.readString(Path.of("config/application-production.yaml"))
                .replaceAll("(?s).*timeout-per-shutdown-phase: (\\d+)s.*", "$1");
        assertThat(Integer.parseInt(service.get("TimeoutStopSec").get(0))).isGreaterThan(2 * Integer.parseInt(phase));
        assertThat(service.get("ExecStart").get(0)).startsWith(INSTALLED_AT + "/bin/medcom-gateway serve")
                .contains("--spring.profiles.active=production");
    }

    @Test
    void systemdAcceptsTheUnit(@TempDir Path folder) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        // the unit as installed, but starting this checkout's script (verify wants the program to exist)
        Path unit = folder.resolve("medcom-gateway.service");
        Files.writeString(unit, Files.readString(UNIT).replace(INSTALLED_AT, Path.of("").toAbsolutePath().toString()));

        Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("no warning either").isBlank();
    }

    /** The keys of one [section], each with its values in order (a key may repeat). */
    static Map<String, List<String>> section(String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(UNIT)) {
            String text = line.strip();
            if (text.startsWith("[")) {
                current = text;
            } else if (("[" + name + "]").equals(current) && !text.isEmpty() && !text.startsWith("#")) {
                int equals = text.indexOf('=');
                keys.computeIfAbsent(text.substring(0, equals), k -> new ArrayList<>()).add(text.substring(equals + 1));
            }
        }
        return keys;
    }
}
