package dk.region.medcom.gateway.dedupe;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.receipts.Receipts;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recognises a letter sent again: the same sender, envelope identifier and letter identifier as
 * one seen before (MedCom: a letter is identified by its sender, envelope and letter identifiers).
 * <ul>
 * <li>The same content again is not delivered a second time; the sender gets the first one's
 * receipt again, and the journal records the duplicate (with an INFO finding naming the first).
 * <li>Other content under the same identifiers is refused (DUPLICATE-DIFFERENT-CONTENT) with a
 * negative receipt: the recipient has a letter by those identifiers already.
 * <li>If the earlier copy was rejected (quarantined, or refused by its recipient), this one is a
 * correction: it takes the identifiers over and goes on as a new letter, with a receipt of its own.
 * </ul>
 * The check runs after validation, so an invalid copy is rejected for its own faults. A message the
 * broker redelivers after a crash has the same tracking id as its first attempt and is not a duplicate.
 */
public class DuplicateGuard {

    private static final Set<String> REJECTED_STATES = Set.of(MessageState.REJECTED.name(),
            MessageState.QUARANTINED.name(), MessageState.REJECTED_BY_RECIPIENT.name());

    private final JdbcClient jdbc;
    private final JournalWriter writer;
    private final Receipts receipts;
    private final Clock clock;

    public DuplicateGuard(JdbcClient jdbc, JournalWriter writer, Receipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * The tracking id of the first message with the same identifiers, if this one is a duplicate.
     * A letter not seen before is recorded with the route's journal writes; if another message
     * with the same identifiers was recorded first meanwhile, that write fails, the route rolls
     * back, and the broker's redelivery then finds this message a duplicate.
     */
    public Optional<TrackingId> firstOf(PipelineMessage message) {
        MessageHeader header = message.header();
        if (header.senderLocation() == null || header.envelopeId() == null || header.letterId() == null) {
            return Optional.empty();
        }
        String own = message.trackingId().value();
        Optional<String> first = firstSeen(header);
        if (first.isPresent() && first.get().equals(own)) {
            return Optional.empty();
        }
        if (first.isPresent() && !wasRejected(first.get())) {
            return Optional.of(new TrackingId(first.get()));
        }
        Timestamp at = Timestamp.from(clock.instant());
        writer.write(() -> {
            if (first.isPresent()) {
                // a correction of a rejected letter: it takes the identifiers over
                jdbc.sql("""
                        update letter_seen set tracking_id = :id, seen_at = :at
                        where sender_location = :sender and envelope_id = :envelope and letter_id = :letter
                        and tracking_id = :first""")
                        .param("sender", header.senderLocation()).param("envelope", header.envelopeId())
                        .param("letter", header.letterId()).param("id", own).param("at", at).param("first", first.get())
                        .update();
            } else {
                jdbc.sql("""
                        insert into letter_seen (sender_location, envelope_id, letter_id, tracking_id, seen_at)
                        select :sender, :envelope, :letter, :id, :at
                        where not exists (select 1 from letter_seen
                                          where sender_location = :sender and envelope_id = :envelope and letter_id = :letter)""")
                        .param("sender", header.senderLocation()).param("envelope", header.envelopeId())
                        .param("letter", header.letterId()).param("id", own).param("at", at)
                        .update();
            }
            if (!firstSeen(header).orElseThrow().equals(own)) {
                throw new IllegalStateException("message " + own + " has the letter identifiers of a message taken in"
                        + " at the same time; it is looked at again as a duplicate");
            }
        });
        return Optional.empty();
    }

    /** The earlier copy was refused, by the gateway or by its recipient: a copy sent again is a correction. */
    private boolean wasRejected(String trackingId) {
        return jdbc.sql("select state from message where tracking_id = :id").param("id", trackingId)
                .query(String.class).optional()
                .map(state -> REJECTED_STATES.contains(state)).orElse(false);
    }

    private boolean sameContent(TrackingId first, PipelineMessage message) {
        Optional<String> earlier = jdbc.sql("select fingerprint from message where tracking_id = :id")
                .param("id", first.value()).query(String.class).optional();
        // a row without a fingerprint (too large to read) cannot be compared: it counts as the same
        return earlier.isEmpty() || earlier.get() == null || message.original() == null
                || earlier.get().equals(Journal.fingerprint(message.original()));
    }

    private Optional<String> firstSeen(MessageHeader header) {
        return jdbc.sql("""
                select tracking_id from letter_seen
                where sender_location = :sender and envelope_id = :envelope and letter_id = :letter""")
                .param("sender", header.senderLocation()).param("envelope", header.envelopeId())
                .param("letter", header.letterId())
                .query(String.class).optional();
    }

    /**
     * The message is marked a duplicate if it is the same letter again (the pipeline then stops for
     * it), or refused if it carries other content under the identifiers of a letter already taken.
     */
    public PipelineMessage check(PipelineMessage message) throws IOException, InterruptedException {
        Optional<TrackingId> first = firstOf(message);
        if (first.isEmpty()) {
            return message;
        }
        if (!sameContent(first.get(), message)) {
            message.addFindings(List.of(Finding.error("DUPLICATE-DIFFERENT-CONTENT", Location.NONE,
                    "a letter with the same sender, envelope and letter identifiers but other content was taken in before ("
                            + first.get() + "); send changes as a new letter with new identifiers",
                    "et brev med samme afsender, kuvert- og brevidentifikation men andet indhold er modtaget før ("
                            + first.get() + "); send ændringer som et nyt brev med nye identifikationer")));
            return message;
        }
        message.duplicateOf(first.get());
        boolean answered = receipts.sendAgain(first.get(), message);
        message.addFindings(List.of(new Finding("DUPLICATE", Severity.INFO, Location.NONE,
                "duplicate of " + first.get() + (answered ? "; its receipt was sent again" : "; no receipt sent yet"),
                "dublet af " + first.get() + (answered ? "; dens kvittering er sendt igen" : "; ingen kvittering sendt endnu"))));
        return message;
    }
}
