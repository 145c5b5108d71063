package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.message.TrackingId;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recognises a letter sent again: the same sender, envelope identifier and letter identifier as
 * one seen before. It is not delivered a second time; the sender gets the first one's receipt
 * again, and the journal records the duplicate (with an INFO finding naming the first). A message the broker redelivers after a crash has
 * the same tracking id as its first attempt and is not a duplicate.
 */
public class DuplicateGuard {

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
        if (first.isPresent()) {
            return first.get().equals(own) ? Optional.empty() : Optional.of(new TrackingId(first.get()));
        }
        Timestamp at = Timestamp.from(clock.instant());
        writer.write(() -> {
            jdbc.sql("""
                    insert into letter_seen (sender_location, envelope_id, letter_id, tracking_id, seen_at)
                    select :sender, :envelope, :letter, :id, :at
                    where not exists (select 1 from letter_seen
                                      where sender_location = :sender and envelope_id = :envelope and letter_id = :letter)""")
                    .param("sender", header.senderLocation()).param("envelope", header.envelopeId())
                    .param("letter", header.letterId()).param("id", own).param("at", at)
                    .update();
            if (!firstSeen(header).orElseThrow().equals(own)) {
                throw new IllegalStateException("message " + own + " has the letter identifiers of a message taken in"
                        + " at the same time; it is looked at again as a duplicate");
            }
        });
        return Optional.empty();
    }

    private Optional<String> firstSeen(MessageHeader header) {
        return jdbc.sql("""
                select tracking_id from letter_seen
                where sender_location = :sender and envelope_id = :envelope and letter_id = :letter""")
                .param("sender", header.senderLocation()).param("envelope", header.envelopeId())
                .param("letter", header.letterId())
                .query(String.class).optional();
    }

    /** The message is marked a duplicate, if it is one; the pipeline then stops for it. */
    public PipelineMessage check(PipelineMessage message) throws IOException, InterruptedException {
        Optional<TrackingId> first = firstOf(message);
        if (first.isPresent()) {
            message.duplicateOf(first.get());
            boolean answered = receipts.sendAgain(first.get(), message);
            message.addFindings(List.of(new Finding("DUPLICATE", Severity.INFO, Location.NONE,
                    "duplicate of " + first.get() + (answered ? "; its receipt was sent again" : "; no receipt sent yet"),
                    "dublet af " + first.get() + (answered ? "; dens kvittering er sendt igen" : "; ingen kvittering sendt endnu"))));
        }
        return message;
    }
}
