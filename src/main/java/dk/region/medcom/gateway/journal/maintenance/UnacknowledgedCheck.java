package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import dk.region.medcom.gateway.journal.search.Page;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches for receipts that do not come: delivered messages that asked for one and have none after
 * {@code gateway.journal.ack-timeout}. Keeps the gauge {@code medcom.messages.unacknowledged} and
 * writes one WARN line per such message (identifiers only), once, for the 1,000 longest waiting.
 */
@Component
public class UnacknowledgedCheck {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");
    private static final int NAMED_AT_MOST = 1000;

    private final JournalSearch search;
    private final JournalProperties properties;
    private final AtomicInteger overdue = new AtomicInteger();
    private final Set<String> warned = new HashSet<>();

    UnacknowledgedCheck(JournalSearch search, JournalProperties properties, MeterRegistry meters) {
        this.search = search;
        this.properties = properties;
        Gauge.builder("medcom.messages.unacknowledged", overdue, AtomicInteger::get)
                .description("Delivered messages whose receipt is overdue").register(meters);
    }

    @Scheduled(initialDelayString = "${gateway.journal.ack-check-interval:PT5M}",
            fixedDelayString = "${gateway.journal.ack-check-interval:PT5M}")
    public synchronized void check() {
        // the longest waiting ones are named; the gauge counts them all (an outage's backlog can be large)
        Page<MessageSummary> late = search.unacknowledged(properties.ackTimeout(), null, 0, NAMED_AT_MOST);
        overdue.set((int) Math.min(late.total(), Integer.MAX_VALUE));
        Set<String> now = new HashSet<>();
        for (MessageSummary message : late.items()) {
            now.add(message.trackingId());
            if (!warned.contains(message.trackingId())) {
                LOG.warn("no receipt within {}: tracking={} envelope={} recipient={}", properties.ackTimeout(),
                        message.trackingId(), message.envelopeId(), message.recipientLocation());
            }
        }
        // forget the ones that got their receipt (or were handled), so memory stays bounded
        warned.retainAll(now);
        warned.addAll(now);
    }
}
