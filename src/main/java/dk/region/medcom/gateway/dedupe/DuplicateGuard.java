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
import dk.region.medcom.gateway.dedupe.LetterSeenRepository.LetterKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a letter sent again: the same sender, envelope identifier and letter identifier as
 * one seen before (MedCom: a letter is identified by its sender, envelope and letter identifiers).
 * <ul>
 * <li>The same content again is not delivered a second time; the journal records the duplicate
 * (with an INFO finding naming the first), and the route has the receipts stage send the sender
 * the first one's receipt again.
 * <li>Other content under the same identifiers is refused (DUPLICATE-DIFFERENT-CONTENT) with a
 * negative receipt: the recipient has a letter by those identifiers already.
 * <li>If the earlier copy was rejected (quarantined, or refused by its recipient), this one is a
 * correction: it takes the identifiers over and goes on as a new letter, with a receipt of its own.
 * </ul>
 * The check runs after validation, so an invalid copy is rejected for its own faults. A message the
 * broker redelivers after a crash has the same tracking id as its first attempt and is not a duplicate.
 */
public class DuplicateGuard {

    private static final Set<MessageState> REJECTED_STATES = Set.of(MessageState.REJECTED,
            MessageState.QUARANTINED, MessageState.REJECTED_BY_RECIPIENT);

    private final LetterSeenRepository letters;
    private final Journal journal;
    private final JournalWriter writer;
    private final Clock clock;

    public DuplicateGuard(LetterSeenRepository letters, Journal journal, JournalWriter writer, Clock clock) {
        this.letters = letters;
        this.journal = journal;
        this.writer = writer;
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
        LetterKey key = new LetterKey(header.senderLocation(), header.envelopeId(), header.letterId());
        if (!key.isComplete()) {
            return Optional.empty();
        }
        TrackingId own = message.trackingId();
        Optional<TrackingId> first = letters.firstSeen(key);
        if (first.isPresent() && first.get().equals(own)) {
            return Optional.empty();
        }
        if (first.isPresent() && !wasRejected(first.get())) {
            return first;
        }
        Instant at = clock.instant();
        writer.write(() -> {
            if (first.isPresent()) {
                letters.takeOver(key, first.get(), own, at); // a correction of a rejected letter
            } else {
                letters.recordFirst(key, own, at);
            }
            if (!letters.firstSeen(key).orElseThrow().equals(own)) {
                throw new IllegalStateException("message " + own + " has the letter identifiers of a message taken in"
                        + " at the same time; it is looked at again as a duplicate");
            }
        });
        return Optional.empty();
    }

    /** The earlier copy was refused, by the gateway or by its recipient: a copy sent again is a correction. */
    private boolean wasRejected(TrackingId first) {
        return journal.state(first).map(REJECTED_STATES::contains).orElse(false);
    }

    private boolean sameContent(TrackingId first, PipelineMessage message) {
        Optional<String> earlier = journal.fingerprintOf(first);
        // a row without a fingerprint (too large to read) cannot be compared: it counts as the same
        return earlier.isEmpty() || message.original() == null
                || earlier.get().equals(Journal.fingerprint(message.original()));
    }

    /**
     * The message is marked a duplicate if it is the same letter again (the pipeline then stops for
     * it), or refused if it carries other content under the identifiers of a letter already taken.
     */
    public PipelineMessage check(PipelineMessage message) {
        Optional<TrackingId> first = firstOf(message);
        if (first.isEmpty()) {
            return message;
        }
        if (!sameContent(first.get(), message)) {
            return message.withFinding(Finding.error("DUPLICATE-DIFFERENT-CONTENT", Location.NONE,
                    "a letter with the same sender, envelope and letter identifiers but other content was taken in before ("
                            + first.get() + "); send changes as a new letter with new identifiers",
                    "et brev med samme afsender, kuvert- og brevidentifikation men andet indhold er modtaget før ("
                            + first.get() + "); send ændringer som et nyt brev med nye identifikationer"));
        }
        return message.withDuplicateOf(first.get()).withFinding(new Finding("DUPLICATE", Severity.INFO, Location.NONE,
                "duplicate of " + first.get(), "dublet af " + first.get()));
    }
}
