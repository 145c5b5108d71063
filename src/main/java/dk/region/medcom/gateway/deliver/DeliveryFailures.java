package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.message.PipelineHeaders;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the road for a delivery that failed on every attempt: the journal marks it
 * DEAD_LETTER (the API lists those and an operator can resend), the queue message is consumed.
 */
public class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");

    private final Journal journal;
    private final int attempts;
    private final Counter deliveriesGivenUp;
    private final Counter brokerGaveUp;

    /** @param attempts how many times a delivery is tried before it is given up (1 + redeliveries) */
    public DeliveryFailures(Journal journal, int attempts, MeterRegistry meters) {
        this.journal = journal;
        this.attempts = attempts;
        this.deliveriesGivenUp = deadLetters("deliver", meters);
        this.brokerGaveUp = deadLetters("broker", meters);
    }

    /** medcom_dead_letters_total{where}: deliveries given up, messages the broker gave up redelivering. */
    private static Counter deadLetters(String where, MeterRegistry meters) {
        return Counter.builder("medcom.dead.letters").description("Messages marked DEAD_LETTER in the journal")
                .tag("where", where).register(meters);
    }

    public void deadLetter(Exchange exchange, @Header(PipelineHeaders.TRACKING_ID) String trackingId,
                           @Header(PipelineHeaders.RECIPIENT) String recipient) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        // the exception's class only: its message may quote a path or an answer from the recipient
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName();
        LOG.warn("stage=deliver tracking={} recipient={} outcome=dead-letter attempts={} cause={}", trackingId,
                recipient, attempts, reason);
        journal.mark(new TrackingId(trackingId), "deliver", MessageState.DEAD_LETTER,
                "delivery to " + recipient + " failed " + attempts + " times; last: " + reason);
        deliveriesGivenUp.increment();
    }

    /** A message the broker gave up on (see {@code routes/dead-letter.yaml}). */
    public void deadLetterFromBroker(@Header(PipelineHeaders.TRACKING_ID) String trackingId) {
        LOG.warn("stage=broker tracking={} outcome=dead-letter", trackingId);
        journal.mark(new TrackingId(trackingId), "broker", MessageState.DEAD_LETTER,
                "the broker gave up redelivering it (medcom.dead)");
        brokerGaveUp.increment();
    }
}
