package dk.region.medcom.gateway.fuzz;

import dk.region.medcom.gateway.GatewayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The HTTP part of the campaign: a gateway started in this JVM (demo users, a temporary data folder,
 * a free port), then many raw requests to {@code POST /api/messages} from {@code fuzz.threads}
 * clients at once, each judged by {@link HttpTarget}, and a health check at the end. Every
 * {@code fuzz.http-restart-every} requests the gateway is closed, its data folder deleted and a
 * fresh one started, so that a long run's journal (~110 KB per accepted message) fits on the disk.
 */
final class HttpCampaign {

    private HttpCampaign() {
    }

    static FuzzRunner.Stats run(Random random, Duration limit, Path out, long inputs) throws IOException, InterruptedException {
        long batchSize = Long.getLong("fuzz.http-restart-every", 100_000);
        int threads = Integer.getInteger("fuzz.threads", Runtime.getRuntime().availableProcessors());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.max-seconds", 86_400));
        long deadline = System.nanoTime() + budget.toNanos();
        List<FuzzRunner.Seed> seeds = new ArrayList<>(FuzzRunner.seeds(Path.of("samples"), ".edi", true));
        seeds.addAll(FuzzRunner.seeds(Path.of("samples"), ".xml", true));
        FuzzRunner.Stats total = new FuzzRunner.Stats("http");
        long cpuStart = FuzzCampaign.cpuNanos();
        for (long done = 0; done < inputs && System.nanoTime() < deadline; done += batchSize) {
            long batch = Math.min(batchSize, inputs - done);
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            FuzzRunner.Stats stats = batch(random, limit, out, seeds, batch, threads, left);
            total.nanos += stats.nanos;
            stats.nanos = 0;
            total.add(stats);
            System.out.printf("http: %,d of %,d requests sent, broken %d%n", total.inputs, inputs, total.problemCount());
        }
        total.cpuNanos = FuzzCampaign.cpuNanos() - cpuStart;
        return total;
    }

    private static FuzzRunner.Stats batch(Random random, Duration limit, Path out, List<FuzzRunner.Seed> seeds,
                                          long inputs, int threads, Duration budget) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("medcom-fuzz-http");
        ConfigurableApplicationContext gateway = SpringApplication.run(GatewayApplication.class,
                "--server.port=0", "--spring.profiles.active=demo", "--gateway.data-dir=" + data,
                "--gateway.journal.database-dir=" + data.resolve("journal"),
                // the login throttle would answer 429 to the mutated passwords' address after ten; it has its own tests
                "--gateway.login.delay-after=1000000000", "--gateway.login.lock-after=1000000000",
                "--logging.level.root=WARN", "--logging.level.dk.region.medcom=ERROR", "--spring.main.banner-mode=off");
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            long maxBody = gateway.getEnvironment().getProperty("gateway.ingest.max-message-bytes", Long.class, 10_485_760L);
            System.out.printf("http: gateway on port %d, %d seeds, %,d requests from %d clients%n", port, seeds.size(),
                    inputs, threads);
            List<FuzzRunner.Stats> results = Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Random own = new Random(random.nextLong());
                long share = inputs / threads + (t < inputs % threads ? 1 : 0);
                Path folder = out.resolve("http-t" + t);
                Thread client = new Thread(() -> {
                    FuzzRunner runner = new FuzzRunner(new HttpTarget(port, limit), limit, folder);
                    try {
                        results.add(runner.run("http", seeds, new HttpRequestMutator(own, maxBody), own, share, 60, budget));
                    } finally {
                        runner.close();
                    }
                }, "fuzz-http-" + t);
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
            FuzzRunner.Stats stats = new FuzzRunner.Stats("http");
            results.forEach(stats::add);
            stats.nanos = System.nanoTime() - started;
            String health = new HttpTarget(port, limit).healthProblem();
            if (health != null) {
                stats.problems.merge("at the end of a batch: " + health, 1L, Long::sum);
            }
            return stats;
        } finally {
            gateway.close();
            FileSystemUtils.deleteRecursively(data);
        }
    }
}
