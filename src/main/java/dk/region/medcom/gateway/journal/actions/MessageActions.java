package dk.region.medcom.gateway.journal.actions;

import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.message.TrackingId;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What an operator can do with a message in the journal: resend it, release it from quarantine,
 * or mark it handled. Resend and release put the stored original back on the inbound queue, so the
 * message runs through every stage again.
 */
@Service
public class MessageActions {

    /** Artemis drops a second message with the same value of this property on the same address. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** The longest operator comment kept with an action. */
    public static final int MAX_COMMENT = 500;

    private static final Set<MessageState> IN_FLIGHT = Set.of(MessageState.RECEIVED, MessageState.PARSED,
            MessageState.VALIDATED, MessageState.ROUTED, MessageState.TRANSLATED, MessageState.REJECTED,
            MessageState.RELEASED);

    private final Journal journal;
    private final ProducerTemplate producer;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    MessageActions(Journal journal, ProducerTemplate producer, ApplicationEventPublisher events) {
        this.journal = journal;
        this.producer = producer;
        this.events = events;
    }

    /** The outcome of an action: done (with the message it concerns), or refused and why. */
    public record Outcome(Status status, String trackingId, String envelopeId, String reason) {

        public enum Status { DONE, NOT_FOUND, CONFLICT, UNAVAILABLE }

        static Outcome done(TrackingId id, String envelopeId) {
            return new Outcome(Status.DONE, id.value(), envelopeId, null);
        }

        static Outcome refused(Status status, String reason) {
            return new Outcome(status, null, null, reason);
        }
    }

    /**
     * Sends the stored original again as a new message with a new envelope identifier (MedCom's
     * rule for a manual resend). The old message becomes RESENT and points at the new one.
     */
    public Outcome resend(TrackingId id, String operator, String comment) {
        Optional<JournalEntry> entry = journal.find(id);
        if (entry.isEmpty()) {
            return Outcome.refused(Outcome.Status.NOT_FOUND, "no such message");
        }
        if (IN_FLIGHT.contains(entry.get().state()) || entry.get().state() == MessageState.RESENT) {
            return Outcome.refused(Outcome.Status.CONFLICT, "the message is " + entry.get().state());
        }
        Optional<byte[]> original = journal.original(id);
        if (original.isEmpty()) {
            return Outcome.refused(Outcome.Status.CONFLICT, "the original is no longer kept (retention)");
        }
        String envelopeId = newEnvelopeId();
        Optional<byte[]> rewritten = EnvelopeRewriter.withEnvelopeId(original.get(), envelopeId);
        if (rewritten.isEmpty()) {
            return Outcome.refused(Outcome.Status.CONFLICT, "the original has no envelope identifier to replace");
        }
        TrackingId next = TrackingId.newId();
        journal.resent(id, next, rewritten.get(), operator + because(comment));
        if (!enqueue(next, "resend", rewritten.get(), "resend:" + next.value())) {
            return Outcome.refused(Outcome.Status.UNAVAILABLE, "the broker did not take the message; try again");
        }
        return Outcome.done(next, envelopeId);
    }

    /** Runs a quarantined message through the pipeline again, as it was received, under its own tracking id. */
    public Outcome release(TrackingId id, String operator, String comment) {
        Optional<JournalEntry> entry = journal.find(id);
        if (entry.isEmpty()) {
            return Outcome.refused(Outcome.Status.NOT_FOUND, "no such message");
        }
        if (entry.get().state() != MessageState.QUARANTINED) {
            return Outcome.refused(Outcome.Status.CONFLICT, "only a QUARANTINED message can be released; it is "
                    + entry.get().state());
        }
        Optional<byte[]> original = journal.original(id);
        if (original.isEmpty()) {
            return Outcome.refused(Outcome.Status.CONFLICT, "the original is no longer kept");
        }
        journal.mark(id, "release", MessageState.RELEASED, "released by " + operator + because(comment));
        String attempt = Long.toString(System.currentTimeMillis());
        if (!enqueue(id, entry.get().source(), original.get(), "release:" + id.value() + ":" + attempt)) {
            journal.mark(id, "release", MessageState.QUARANTINED, "release failed: the broker did not take it");
            return Outcome.refused(Outcome.Status.UNAVAILABLE, "the broker did not take the message; try again");
        }
        events.publishEvent(new MessageReleased(id));
        return Outcome.done(id, entry.get().envelopeId());
    }

    /** Marks a message as dealt with outside the gateway (e.g. a dead letter phoned through). */
    public Outcome handled(TrackingId id, String operator, String comment) {
        Optional<JournalEntry> entry = journal.find(id);
        if (entry.isEmpty()) {
            return Outcome.refused(Outcome.Status.NOT_FOUND, "no such message");
        }
        if (IN_FLIGHT.contains(entry.get().state())) {
            return Outcome.refused(Outcome.Status.CONFLICT, "the message is still " + entry.get().state());
        }
        if (entry.get().state() != MessageState.HANDLED) {
            journal.mark(id, "operator", MessageState.HANDLED, "handled by " + operator + because(comment));
        }
        return Outcome.done(id, entry.get().envelopeId());
    }

    /** The operator's comment as the history keeps it: bounded, never a CPR number. */
    static String because(String comment) {
        if (comment == null || comment.isBlank()) {
            return "";
        }
        String kept = Excerpt.maskCpr(comment.strip().replaceAll("\\s+", " "));
        return ": " + (kept.length() > MAX_COMMENT ? kept.substring(0, MAX_COMMENT) + "…" : kept);
    }

    private boolean enqueue(TrackingId id, String source, byte[] body, String duplicateId) {
        Exchange done = producer.send("direct:enqueue", exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new java.util.HashMap<>(Map.of(PipelineHeaders.TRACKING_ID, id.value(),
                    PipelineHeaders.SOURCE, source, DUPLICATE_ID, duplicateId)));
        });
        return done.getException() == null;
    }

    /** 14 characters, MedCom's maximum: R, then 13 random digits. */
    private String newEnvelopeId() {
        StringBuilder id = new StringBuilder("R");
        for (int i = 0; i < 13; i++) {
            id.append(random.nextInt(10));
        }
        return id.toString();
    }
}
