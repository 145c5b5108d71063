package dk.region.medcom.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The distribution {@code package} builds holds everything the install step (docs/operations.md)
 * and the systemd unit use from {@code /opt/medcom-gateway}: the start script (executable), the
 * jar and every library its manifest names, the routes, the schemas and the operator's kit.
 */
class DistributionIT {

    private static final Pattern INSTALLED = Pattern.compile("/opt/medcom-gateway/([A-Za-z0-9_./-]*[A-Za-z0-9_])");

    @Test
    void theDistributionHoldsEveryFileTheInstallStepAndTheUnitUse() throws Exception {
        List<String> listing = tar("-tvzf");
        Set<String> entries = entries(tar("-tzf"));
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(Path.of("docs/operations.md"), ServiceUnitTests.UNIT)) {
            Matcher path = INSTALLED.matcher(Files.readString(file));
            while (path.find()) {
                used.add(path.group(1));
            }
        }

        assertThat(used).contains("bin/medcom-gateway", "config/application-production.yaml",
                "config/systemd/medcom-gateway.service");
        assertThat(entries).containsAll(used);
        assertThat(entries).contains("config/prometheus/medcom-gateway-rules.yaml", "config/grafana/medcom-gateway.json",
                "config/artemis/medcom-address-settings.xml", "medcom-gateway.jar");
        assertThat(listing).anyMatch(line -> line.startsWith("-rwx") && line.endsWith("/bin/medcom-gateway"));
    }

    @Test
    void theDistributionHoldsTheRoutesTheSchemasAndEveryLibraryTheJarNames() throws Exception {
        Set<String> entries = entries(tar("-tzf"));

        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            assertThat(entries).containsAll(routes.map(route -> "routes/" + route.getFileName()).toList());
        }
        assertThat(entries).anyMatch(entry -> entry.startsWith("schemas/") && entry.endsWith(".xsd"));
        try (JarFile jar = new JarFile("target/medcom-gateway.jar")) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            assertThat(classPath).isNotBlank();
            assertThat(entries).containsAll(List.of(classPath.trim().split("\\s+")));
        }
    }

    /** The entries without the distribution's top folder (medcom-gateway-&lt;version&gt;/). */
    private static Set<String> entries(List<String> names) {
        Set<String> entries = new TreeSet<>();
        for (String name : names) {
            String inside = name.substring(name.indexOf('/') + 1);
            entries.add(inside.endsWith("/") ? inside.substring(0, inside.length() - 1) : inside);
        }
        return entries;
    }

    private static List<String> tar(String options) throws IOException, InterruptedException {
        Path distribution;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            List<Path> found = built.filter(f -> f.getFileName().toString().matches("medcom-gateway-.+\\.tar\\.gz")).toList();
            assertThat(found).as("mvn package builds exactly one distribution").hasSize(1);
            distribution = found.get(0);
        }
        Process tar = new ProcessBuilder("tar", options, distribution.toString()).redirectErrorStream(true).start();
        byte[] output = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
