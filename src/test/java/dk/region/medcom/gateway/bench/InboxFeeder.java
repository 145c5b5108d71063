package dk.region.medcom.gateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds copies of a sample into inbox/ at a steady rate, the way senders should (a temporary name,
 * then a rename), each with its own envelope identifier, and prints when each one landed, for the
 * latency figures of bench/throughput.sh. A shell loop cannot keep 100 files a second steady.
 *
 * <pre>java -cp ... InboxFeeder sample.xml data/inbox PREFIX count per-second fed.txt</pre>
 * Each line of fed.txt: {@code <PREFIX><5 digits> <epoch seconds with microseconds>}.
 */
public final class InboxFeeder {

    private InboxFeeder() {
    }

    public static void main(String[] args) throws IOException {
        String sample = Files.readString(Path.of(args[0]), StandardCharsets.ISO_8859_1);
        Path inbox = Path.of(args[1]);
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        double perSecond = Double.parseDouble(args[4]);
        long interval = (long) (1e9 / perSecond);
        try (PrintWriter fed = new PrintWriter(Files.newBufferedWriter(Path.of(args[5])))) {
            long next = System.nanoTime();
            for (int i = 1; i <= count; i++) {
                String name = String.format("%s%05d", prefix, i);
                String letter = sample.replaceFirst("<Identifier>[^<]*<", String.format("<Identifier>%s%012d<", prefix, i));
                Path temp = inbox.resolve("." + name + ".part");
                Files.writeString(temp, letter, StandardCharsets.ISO_8859_1);
                Files.move(temp, inbox.resolve(name + ".xml"), StandardCopyOption.ATOMIC_MOVE);
                Instant landed = Instant.now();
                fed.printf("%s %d.%06d%n", name, landed.getEpochSecond(), landed.getNano() / 1000);
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }
}
