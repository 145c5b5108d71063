package dk.region.medcom.gateway.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a fuzz campaign against one way in: generates inputs from seeds, runs each with a time
 * bound on a worker thread (an input that takes longer is a hang: reported, saved, and the worker
 * replaced), counts how inputs ended, minimises and saves every input that broke the contract, and
 * keeps the first input of each new way of ending as a candidate for the regression corpus.
 */
final class FuzzRunner {

    /** A seed input; only seeds of the project's own ({@code samples/}) may give corpus files. */
    record Seed(String name, byte[] bytes, boolean own) {
    }

    /** How one input ended: {@code problem} null when the contract held; {@code kinds} for counting. */
    record Result(String problem, boolean accepted, List<String> kinds) {
    }

    /** The figures of one campaign. */
    static final class Stats {
        final String target;
        long inputs;
        long accepted;
        long bytes;
        long hangs;
        long slowest;
        long slow;
        long nanos;
        long cpuNanos;
        final Map<String, Long> kinds = new TreeMap<>();
        final Map<String, Long> problems = new LinkedHashMap<>();
        final List<Path> saved = new ArrayList<>();
        final List<Integer> slowInputs = new ArrayList<>();

        Stats(String target) {
            this.target = target;
        }

        /** Adds another worker's figures to these (wall time: the longest). */
        void add(Stats other) {
            inputs += other.inputs;
            accepted += other.accepted;
            bytes += other.bytes;
            hangs += other.hangs;
            slow += other.slow;
            slowest = Math.max(slowest, other.slowest);
            nanos = Math.max(nanos, other.nanos);
            other.kinds.forEach((k, n) -> kinds.merge(k, n, Long::sum));
            other.problems.forEach((k, n) -> problems.merge(k, n, Long::sum));
            saved.addAll(other.saved);
            slowInputs.addAll(other.slowInputs);
        }

        long problemCount() {
            return problems.values().stream().mapToLong(Long::longValue).sum();
        }

        String report() {
            double seconds = nanos / 1e9;
            StringBuilder sb = new StringBuilder();
            double cpu = cpuNanos / 1e9;
            sb.append(String.format("%s: %,d inputs (%,d MB) in %.1f s = %,.0f inputs/s (%.1f s CPU = %,.0f inputs per CPU"
                            + " second); accepted %,d, rejected %,d; over 100 ms %,d, slowest %d ms; hangs %d;"
                            + " contract broken %d%n", target, inputs, bytes >> 20, seconds, inputs / Math.max(seconds, 1e-9),
                    cpu, inputs / Math.max(cpu, 1e-9), accepted, inputs - accepted, slow, slowest / 1_000_000, hangs,
                    problemCount()));
            kinds.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sb.append(String.format("  %-36s %,12d%n", e.getKey(), e.getValue())));
            if (!slowInputs.isEmpty()) {
                sb.append(String.format("  %d inputs took longer than the time limit but finished within five times it;"
                        + " their sizes in bytes: %s%n", slowInputs.size(), slowInputs));
            }
            problems.forEach((p, n) -> sb.append(String.format("  PROBLEM %,d x %s%n", n, p)));
            saved.forEach(p -> sb.append("  saved ").append(p).append('\n'));
            return sb.toString();
        }
    }

    private static final int MAX_CORPUS_BYTES = 32 * 1024;
    private static final int MAX_HANGS = 20;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Function<byte[], Result> target;
    private final Duration timeLimit;
    private final Path outDir;
    private ExecutorService worker = newWorker();

    FuzzRunner(Function<byte[], Result> target, Duration timeLimit, Path outDir) {
        this.target = target;
        this.timeLimit = timeLimit;
        this.outDir = outDir;
    }

    /** Runs {@code inputs} generated inputs; prints progress every {@code progressSeconds} when positive. */
    Stats run(String name, List<Seed> seeds, Mutator mutator, Random random, long inputs, int progressSeconds) {
        return run(name, seeds, mutator, random, inputs, progressSeconds, Duration.ofDays(1));
    }

    /** As above, stopping early once {@code budget} has passed. */
    Stats run(String name, List<Seed> seeds, Mutator mutator, Random random, long inputs, int progressSeconds,
              Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Stats stats = new Stats(name);
        Set<String> seenEndings = new HashSet<>();
        Set<String> minimised = new HashSet<>();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long lastProgress = start;
        for (long i = 0; i < inputs && System.nanoTime() < deadline; i++) {
            boolean unmutated = i < seeds.size() && mutator.seedIsInput(); // every seed once, as it is
            Seed seed = unmutated ? seeds.get((int) i) : seeds.get(random.nextInt(seeds.size()));
            byte[] input = unmutated ? seed.bytes() : mutator.mutate(seed.bytes(), donorFor(seed, seeds, random).bytes());
            long t0 = System.nanoTime();
            Result result = runBounded(input);
            long took = System.nanoTime() - t0;
            stats.inputs++;
            stats.bytes += input.length;
            stats.slowest = Math.max(stats.slowest, took);
            stats.slow += took > 100_000_000L ? 1 : 0;
            if (result.accepted()) {
                stats.accepted++;
            }
            result.kinds().forEach(k -> stats.kinds.merge(k, 1L, Long::sum));
            if (result.problem() != null && result.problem().startsWith("SLOW")) {
                stats.slowInputs.add(input.length); // finished within five times the limit: reported, not a break
                save("slow", name + "-" + i, input);
            } else if (result.problem() != null) {
                String signature = signature(result.problem());
                stats.problems.merge(signature, 1L, Long::sum);
                if (result.problem().startsWith("HANG")) {
                    stats.hangs++;
                    stats.saved.add(save("problems", name + "-hang-" + i, input));
                    if (stats.hangs >= MAX_HANGS) {
                        break;
                    }
                } else if (minimised.add(signature)) { // a raw HTTP request cut at random is another request: kept whole
                    stats.saved.add(save("problems", name + "-" + Integer.toHexString(signature.hashCode()),
                            mutator.seedIsInput() ? minimise(input, signature) : input));
                }
            } else if (seed.own() && input.length <= MAX_CORPUS_BYTES
                    && seenEndings.add(result.accepted() + " " + String.join(",", result.kinds()))) {
                save("corpus", name + "-" + String.format("%04d", seenEndings.size()), input);
            }
            if (progressSeconds > 0 && System.nanoTime() - lastProgress > progressSeconds * 1_000_000_000L) {
                lastProgress = System.nanoTime();
                System.out.printf("  %s: %,d inputs, %,.0f/s, broken %d%n", name, stats.inputs,
                        stats.inputs / ((lastProgress - start) / 1e9), stats.problemCount());
            }
        }
        stats.nanos = System.nanoTime() - start;
        stats.cpuNanos = processCpuNanos() - cpuStart;
        return stats;
    }

    /** Another seed to splice from, of the same origin: an input the corpus may keep holds nothing of MedCom's files. */
    private static Seed donorFor(Seed seed, List<Seed> seeds, Random random) {
        List<Seed> sameOrigin = seeds.stream().filter(s -> s.own() == seed.own()).toList();
        return sameOrigin.get(random.nextInt(sameOrigin.size()));
    }

    /**
     * One input, on the worker thread, within the time limit, counted in the worker's CPU time: on a
     * machine other work keeps busy an input can wait for a core for long without doing anything. An
     * input whose worker used more than five times the limit is a hang (the worker is abandoned);
     * one that used more than the limit but finished is slow; wall time is capped at ten minutes.
     */
    Result runBounded(byte[] input) {
        long[] cpuAtStart = {-1};
        Thread[] thread = new Thread[1];
        Future<Result> future = worker.submit(() -> {
            thread[0] = Thread.currentThread();
            cpuAtStart[0] = THREADS.getCurrentThreadCpuTime();
            return target.apply(input);
        });
        long wallDeadline = System.nanoTime() + Math.max(600_000, 300 * timeLimit.toMillis()) * 1_000_000L;
        try {
            Result result = future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            return result;
        } catch (TimeoutException e) {
            while (true) {
                try {
                    Result late = future.get(100, TimeUnit.MILLISECONDS);
                    long used = cpuUsed(thread[0], cpuAtStart[0]);
                    return used > timeLimit.toNanos() || used < 0
                            ? new Result("SLOW " + input.length + " bytes took over " + timeLimit.toMillis() + " ms of CPU",
                                    late.accepted(), late.kinds())
                            : late; // it only waited for a core
                } catch (TimeoutException stillRunning) {
                    long used = cpuUsed(thread[0], cpuAtStart[0]);
                    if (used > 5 * timeLimit.toNanos() || System.nanoTime() > wallDeadline) {
                        future.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker(); // the stuck thread is abandoned (a daemon), the campaign goes on
                        return new Result("HANG over " + 5 * timeLimit.toMillis() + " ms of CPU or ten minutes", false,
                                List.of("HANG"));
                    }
                } catch (ExecutionException failed) {
                    return crash(failed.getCause());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        } catch (ExecutionException e) {
            return crash(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** CPU nanoseconds the worker used on this input so far; -1 when unknown. */
    private static long cpuUsed(Thread thread, long atStart) {
        if (thread == null || atStart < 0) {
            return -1;
        }
        long now = THREADS.getThreadCpuTime(thread.getId());
        return now < 0 ? -1 : now - atStart;
    }

    private static Result crash(Throwable cause) {
        return new Result("CRASH " + cause.getClass().getName() + " at " + PipelineHarness.where(cause), false,
                List.of("CRASH"));
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Removes chunks, halving their size, while the input still breaks the contract the same way. */
    byte[] minimise(byte[] input, String signature) {
        byte[] best = input;
        int budget = 400;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            for (int at = 0; at + chunk <= best.length && budget > 0; budget--) {
                byte[] smaller = Mutator.replace(best, at, chunk, new byte[0]);
                Result result = runBounded(smaller);
                if (result.problem() != null && signature(result.problem()).equals(signature)) {
                    best = smaller;
                } else {
                    at += chunk;
                }
            }
        }
        return best;
    }

    /** A problem without the parts that vary from input to input (lengths, numbers). */
    static String signature(String problem) {
        return problem.replaceAll("[0-9]+", "N");
    }

    private Path save(String folder, String name, byte[] input) {
        try {
            Path dir = Files.createDirectories(outDir.resolve(folder));
            Path file = dir.resolve(name + ".bin");
            Files.write(file, input);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every {@code .edi} or {@code .xml} file under {@code root}, sorted by name. */
    static List<Seed> seeds(Path root, String extension, boolean own) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted()
                    .map(p -> new Seed(p.getFileName().toString(), read(p), own)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
