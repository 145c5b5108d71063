package dk.region.medcom.gateway.ingest;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How much heap message bodies may take at once, from the moment an entry point starts reading
 * them until the pipeline has finished with them: an HTTP post while it is read, checked,
 * journaled and enqueued, a file from {@code inbox/} until it is enqueued, and a message in the
 * pipeline (parse to delivery queue). Beyond it HTTP answers 503 (before reading the body), the
 * folder leaves files in {@code inbox/} for a later poll and the pipeline's consumers wait.
 *
 * <p>A body is counted with the copies made from it: {@link #AT_INGEST} times its size while it is
 * taken in (the body, the sealed copy for the journal, H2's write buffers for it, which grow by
 * doubling, the broker's copy), {@link #IN_PIPELINE} times in the pipeline and while a sender's
 * message is read for its sender (decoded text, parsed document, XML and translated forms and
 * their journal writes). Measured on a 256 MB gateway with 10 MB letters: counting bodies once
 * let the parse stage run out of heap, and 4 times at ingest let H2's commit of three bodies
 * run out of heap inside the store. One message may always take the whole budget, so none waits for ever. Fair:
 * a large message waiting in the pipeline is not overtaken for ever by small posts.
 */
@Component
public class MemoryBudget {

    /** Bytes counted per body byte while a message is taken in. */
    public static final int AT_INGEST = 8;
    /** Bytes counted per body byte while a message is parsed (pipeline, a sender's check). */
    public static final int IN_PIPELINE = 12;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBudget.class);
    /** Permits are kilobytes, so that a semaphore's int counts any heap. */
    private static final int UNIT = 1024;

    private final long bytes;
    private final Semaphore permits;

    public MemoryBudget(@Value("${gateway.ingest.memory-budget:}") DataSize configured,
                        @Value("${gateway.ingest.max-message-bytes:10485760}") long maxMessageBytes) {
        long wanted = configured == null ? Runtime.getRuntime().maxMemory() / 2 : configured.toBytes();
        if (wanted < maxMessageBytes * IN_PIPELINE) {
            LOG.warn("gateway.ingest.memory-budget ({} MB) holds less than one message of gateway.ingest.max-message-bytes "
                    + "in the pipeline; such messages are taken one at a time", wanted >> 20);
        }
        this.bytes = wanted;
        this.permits = new Semaphore(units(wanted), true);
    }

    /** The budget in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Bytes free now. */
    public long available() {
        return (long) permits.availablePermits() * UNIT;
    }

    /** {@code size} bytes (at most the whole budget) if they are free now, else null. */
    public Reservation tryReserve(long size) {
        Reservation reservation = new Reservation();
        return reservation.tryGrow(Math.min(size, bytes)) ? reservation : null;
    }

    /** {@code size} bytes (at most the whole budget), waiting as long as it takes (in turn with other waiters). */
    public Reservation reserve(long size) throws InterruptedException {
        int units = units(Math.min(size, bytes));
        permits.acquire(units);
        Reservation reservation = new Reservation();
        reservation.units = units;
        return reservation;
    }

    private static int units(long size) {
        return (int) Math.min(Integer.MAX_VALUE, (size + UNIT - 1) / UNIT);
    }

    /** Bytes held until closed; closing twice releases once. */
    public final class Reservation implements AutoCloseable {

        private int units;

        /** Holds {@code more} bytes besides (up to the whole budget); false (holding nothing more) when they are not free now. */
        public synchronized boolean tryGrow(long more) {
            int wanted = Math.min(units(more), units(bytes) - units);
            try {
                // with a timeout of 0 a fair semaphore keeps its order, unlike tryAcquire(n)
                if (wanted > 0 && !permits.tryAcquire(wanted, 0, TimeUnit.SECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            units += wanted;
            return true;
        }

        public synchronized long bytes() {
            return (long) units * UNIT;
        }

        @Override
        public synchronized void close() {
            permits.release(units);
            units = 0;
        }
    }
}
