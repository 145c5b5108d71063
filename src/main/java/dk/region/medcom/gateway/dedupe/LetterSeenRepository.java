package dk.region.medcom.gateway.dedupe;

import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code letter_seen}: which message first carried a letter's identifiers (sender, envelope,
 * letter). Duplicate detection owns it; receipt correlation reads it to find the letter a receipt
 * answers. Rows go with their message when retention deletes it (foreign key, on delete cascade).
 * Writes must run inside the journal's writer, as the route's other journal writes do.
 */
@Repository
public class LetterSeenRepository {

    /** A letter's identity in MedCom: its sender's location number, envelope identifier and letter identifier. */
    public record LetterKey(String senderLocation, String envelopeId, String letterId) {

        /** Complete when all three are known; an incomplete key identifies nothing. */
        public boolean isComplete() {
            return senderLocation != null && envelopeId != null && letterId != null;
        }
    }

    private final JdbcClient jdbc;

    LetterSeenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The message that carried these identifiers first (or took them over as a correction). */
    public Optional<TrackingId> firstSeen(LetterKey key) {
        return jdbc.sql("""
                select tracking_id from letter_seen
                where sender_location = :sender and envelope_id = :envelope and letter_id = :letter""")
                .param("sender", key.senderLocation()).param("envelope", key.envelopeId())
                .param("letter", key.letterId())
                .query(String.class).optional().map(TrackingId::new);
    }

    /** Records {@code id} as the first with these identifiers, unless another message holds them already. */
    void recordFirst(LetterKey key, TrackingId id, Instant at) {
        jdbc.sql("""
                insert into letter_seen (sender_location, envelope_id, letter_id, tracking_id, seen_at)
                select :sender, :envelope, :letter, :id, :at
                where not exists (select 1 from letter_seen
                                  where sender_location = :sender and envelope_id = :envelope and letter_id = :letter)""")
                .param("sender", key.senderLocation()).param("envelope", key.envelopeId())
                .param("letter", key.letterId()).param("id", id.value()).param("at", Timestamp.from(at))
                .update();
    }

    /** A correction takes the identifiers over from the rejected message {@code from}. */
    void takeOver(LetterKey key, TrackingId from, TrackingId id, Instant at) {
        jdbc.sql("""
                update letter_seen set tracking_id = :id, seen_at = :at
                where sender_location = :sender and envelope_id = :envelope and letter_id = :letter
                and tracking_id = :first""")
                .param("sender", key.senderLocation()).param("envelope", key.envelopeId())
                .param("letter", key.letterId()).param("id", id.value()).param("at", Timestamp.from(at))
                .param("first", from.value())
                .update();
    }
}
