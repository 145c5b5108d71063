package dk.region.medcom.gateway.fuzz;

import dk.region.medcom.gateway.GatewayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The HTTP part of the campaign: one gateway started in this JVM (defaults, a temporary data
 * folder, a free port), then many raw requests to {@code POST /api/messages}, each judged by
 * {@link HttpTarget}, and a last health check.
 */
final class HttpCampaign {

    private HttpCampaign() {
    }

    static FuzzRunner.Stats run(Random random, Duration limit, Path out, long inputs) throws IOException {
        Path data = Files.createTempDirectory("medcom-fuzz-http");
        ConfigurableApplicationContext gateway = SpringApplication.run(GatewayApplication.class,
                "--server.port=0", "--gateway.data-dir=" + data, "--gateway.journal.database-dir=" + data.resolve("journal"),
                // the login throttle would answer 429 to the mutated passwords' address after ten; it has its own tests
                "--gateway.login.delay-after=1000000000", "--gateway.login.lock-after=1000000000",
                "--logging.level.root=WARN", "--logging.level.dk.region.medcom=ERROR", "--spring.main.banner-mode=off");
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            HttpTarget target = new HttpTarget(port, limit);
            List<FuzzRunner.Seed> seeds = new ArrayList<>(FuzzRunner.seeds(Path.of("samples"), ".edi", true));
            seeds.addAll(FuzzRunner.seeds(Path.of("samples"), ".xml", true));
            long maxBody = gateway.getEnvironment().getProperty("gateway.ingest.max-message-bytes", Long.class, 10_485_760L);
            FuzzRunner runner = new FuzzRunner(target, limit, out);
            try {
                System.out.printf("http: gateway on port %d, %d seeds, %,d requests%n", port, seeds.size(), inputs);
                FuzzRunner.Stats stats = runner.run("http", seeds, new HttpRequestMutator(random, maxBody), random, inputs, 30,
                        Duration.ofSeconds(Long.getLong("fuzz.max-seconds", 86_400)));
                String health = target.healthProblem();
                if (health != null) {
                    stats.problems.merge("at the end: " + health, 1L, Long::sum);
                }
                return stats;
            } finally {
                runner.close();
            }
        } finally {
            gateway.close();
            FileSystemUtils.deleteRecursively(data);
        }
    }
}
