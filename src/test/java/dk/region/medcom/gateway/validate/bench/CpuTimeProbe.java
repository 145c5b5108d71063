package dk.region.medcom.gateway.validate.bench;

import dk.region.medcom.gateway.validate.MessageValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Messages validated per CPU-second of one thread: a figure for "one core" that stays honest on a
 * shared, busy machine, where JMH's wall-clock throughput mostly measures the neighbours.
 * Usage: same classpath as bench/jmh-validate.sh, then {@code CpuTimeProbe [message.xml]}.
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MessageValidator validator = MessageValidator.withDefaults(Path.of("schemas"));
        byte[] message = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "samples/xref15/xref15-valid-rehabilitation.xml"));
        for (int round = 1; round <= 10; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            int count = 0;
            while (threads.getCurrentThreadCpuTime() - cpuStart < 2_000_000_000L) {
                for (int i = 0; i < 100; i++) {
                    validator.validate(message);
                }
                count += 100;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf("round %2d: %,8.0f messages per CPU-second, %,8.0f per wall-clock second%n",
                    round, count / cpuSeconds, count / wallSeconds);
        }
    }
}
