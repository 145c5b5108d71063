package dk.region.medcom.gateway.translate.bench;

import dk.region.medcom.gateway.translate.EdifactTranslator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * A companion to {@link Dis91Benchmark} for shared, busy machines: measures thread CPU time and
 * allocated bytes per DIS91 message (ThreadMXBean), which other processes on the machine disturb
 * far less than JMH's wall-clock throughput. Run with {@code bench/cputime.sh}.
 */
public final class Dis91CpuTime {

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 30_000;
    private static final int ROUNDS = 5;

    private Dis91CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        EdifactTranslator translator = EdifactTranslator.withDefaultMappings();
        byte[] edifact = Files.readAllBytes(Paths.get("..", "shared", "conformance", "vectors", "DIS91_1.edi"));
        byte[] xml = translator.toXml(edifact).output();
        measure("edifactToXml", () -> translator.toXml(edifact));
        measure("xmlToEdifact", () -> translator.toEdifact(xml));
    }

    private static void measure(String name, Runnable operation) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            operation.run();
        }
        for (int round = 1; round <= ROUNDS; round++) {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED; i++) {
                operation.run();
            }
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED;
            long allocated = (threads.getCurrentThreadAllocatedBytes() - bytes) / MEASURED;
            System.out.printf("%s round %d: %.1f us CPU/msg = %.0f msgs/s per core, %d B allocated/msg%n",
                    name, round, cpuMicros, 1e6 / cpuMicros, allocated);
        }
    }
}
