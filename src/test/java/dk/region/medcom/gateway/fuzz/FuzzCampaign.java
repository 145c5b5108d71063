package dk.region.medcom.gateway.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The fuzz campaign {@code bench/fuzz.sh} runs: {@code edifact}, {@code xml} and {@code http}
 * (or {@code all}), each with {@code -Dfuzz.inputs} generated inputs (default 1,000,000; HTTP
 * 20,000). Prints the figures, saves minimised inputs that broke the contract under
 * {@code target/fuzz/problems/} and corpus candidates under {@code target/fuzz/corpus/}, and
 * exits 1 when any input broke it.
 */
public final class FuzzCampaign {

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("http-requests")) { // N raw requests into a folder, for the corpus
            Path folder = java.nio.file.Files.createDirectories(Path.of(args[2]));
            List<FuzzRunner.Seed> bodies = new ArrayList<>(FuzzRunner.seeds(Path.of("samples"), ".edi", true));
            bodies.addAll(FuzzRunner.seeds(Path.of("samples"), ".xml", true));
            Random random = new Random(Long.getLong("fuzz.seed", 15));
            HttpRequestMutator mutator = new HttpRequestMutator(random, 10_485_760L);
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                byte[] request = mutator.mutate(bodies.get(random.nextInt(bodies.size())).bytes(), bodies.get(0).bytes());
                if (request.length <= 32 * 1024) {
                    java.nio.file.Files.write(folder.resolve(String.format("http-%04d.bin", i)), request);
                }
            }
            return;
        }
        if (args.length > 0 && args[0].equals("replay")) {
            replay(List.of(args).subList(1, args.length));
            return;
        }
        List<String> targets = args.length == 0 || args[0].equals("all") ? List.of("edifact", "xml", "http") : List.of(args);
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        Path out = Path.of(System.getProperty("fuzz.out", "target/fuzz"));
        Duration limit = Duration.ofMillis(Long.getLong("fuzz.time-limit-ms", 2_000));
        Path conformance = Path.of(System.getProperty("fuzz.conformance", "../shared/conformance/vectors"));
        System.out.printf("fuzz campaign: seed %d, time limit %d ms per input, output %s%n", seed, limit.toMillis(),
                out.toAbsolutePath());
        long broken = 0;
        for (String target : targets) {
            Random random = new Random(seed);
            FuzzRunner.Stats stats = switch (target) {
                case "edifact", "xml" -> inProcess(target, random, limit, out, conformance);
                case "http" -> HttpCampaign.run(random, Duration.ofMillis(Long.getLong("fuzz.http-time-limit-ms", 30_000)), out, Long.getLong("fuzz.http-inputs",
                        Long.getLong("fuzz.inputs", 20_000)));
                default -> throw new IllegalArgumentException("unknown target " + target + ": edifact, xml, http or all");
            };
            System.out.print(stats.report());
            broken += stats.problemCount();
        }
        System.out.println(broken == 0 ? "fuzz campaign: no contract broken" : "fuzz campaign: " + broken + " inputs broke the contract");
        System.exit(broken == 0 ? 0 : 1);
    }

    private static FuzzRunner.Stats inProcess(String target, Random random, Duration limit, Path out, Path conformance)
            throws InterruptedException {
        String extension = target.equals("edifact") ? ".edi" : ".xml";
        List<FuzzRunner.Seed> seeds = new ArrayList<>(FuzzRunner.seeds(Path.of("samples"), extension, true));
        seeds.addAll(FuzzRunner.seeds(conformance, extension, false)); // MedCom's: seeds only, never saved as corpus
        PipelineHarness harness = new PipelineHarness(); // thread-safe, as the gateway's stages are
        long cpuStart = cpuNanos();
        long inputs = Long.getLong("fuzz.inputs", 1_000_000);
        int threads = Integer.getInteger("fuzz.threads", Runtime.getRuntime().availableProcessors());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.max-seconds", 86_400));
        System.out.printf("%s: %d seeds, %,d inputs on %d threads (at most %d s)%n", target, seeds.size(), inputs, threads,
                budget.toSeconds());
        List<Thread> workers = new ArrayList<>();
        List<FuzzRunner.Stats> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Random own = new Random(random.nextLong());
            Mutator mutator = target.equals("edifact") ? new EdifactMutator(own) : new XmlMutator(own);
            long share = inputs / threads + (t < inputs % threads ? 1 : 0);
            Path folder = out.resolve("t" + t);
            Thread worker = new Thread(() -> {
                FuzzRunner runner = new FuzzRunner(inProcessTarget(harness), limit, folder);
                try {
                    results.add(runner.run(target, seeds, mutator, own, share, 60, budget));
                } finally {
                    runner.close();
                }
            }, "fuzz-" + target + "-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        FuzzRunner.Stats total = new FuzzRunner.Stats(target);
        results.forEach(total::add);
        total.cpuNanos = cpuNanos() - cpuStart;
        return total;
    }

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Runs saved inputs (e.g. from target/fuzz/problems/) once each and says how each ended and how long it took. */
    private static void replay(List<String> files) {
        PipelineHarness harness = new PipelineHarness();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String file : files) {
            byte[] input = FuzzRunner.read(Path.of(file));
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            PipelineHarness.Outcome outcome = harness.run(input);
            System.out.printf("%s: %,d bytes, %s %s, problem %s, %d ms CPU, %d ms wall%n", file, input.length,
                    outcome.accepted() ? "accepted" : "rejected", outcome.ruleIds(), outcome.problem(),
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
        }
    }

    static Function<byte[], FuzzRunner.Result> inProcessTarget(PipelineHarness harness) {
        return input -> {
            PipelineHarness.Outcome outcome = harness.run(input);
            List<String> kinds = outcome.accepted() ? List.of("ACCEPTED") : outcome.ruleIds();
            return new FuzzRunner.Result(outcome.problem(), outcome.accepted(), outcome.problem() == null ? kinds
                    : List.of(outcome.problem().split(" ")[0]));
        };
    }
}
