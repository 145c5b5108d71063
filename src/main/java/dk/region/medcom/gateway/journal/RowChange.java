package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * What steps change on one message's row, and the events they add. Within a route the changes to
 * one message are merged into one (later values win, events keep their order), so a message that
 * passes five stages in one route costs one UPDATE and one batch of event inserts, not five of
 * each: the journal's statements were most of the writer thread's work.
 *
 * <p>A change may start with the message's arrival: then its row is inserted with every value the
 * route learnt on the way, instead of inserted bare and updated (which moved the entry of each of
 * the message table's ten indexes once more). A null value leaves the column as it is.
 */
final class RowChange {

    record Event(Timestamp at, String stage, MessageState state, String detail) {
    }

    /** A message taken in: its row, unless it has one already, and its original (encrypted). */
    record Arrival(String source, long sizeBytes, String fingerprint, TrackingId resentFrom, Timestamp at,
                   BodyStore.SealedBody original) {

        Event event() {
            return new Event(at, "ingest", MessageState.RECEIVED, resentFrom == null ? null : "resend of " + resentFrom);
        }
    }

    final TrackingId id;
    Arrival arrival;
    Timestamp updatedAt;
    MessageState state;
    String format;
    String type;
    String version;
    String envelope;
    String letter;
    String sender;
    String receiver;
    String recipient;
    Boolean ackRequested;
    String municipality;
    String cprHash;
    Timestamp deliveredAt;
    Timestamp acknowledgedAt;
    Timestamp handledAt;
    final List<Event> events = new ArrayList<>();

    RowChange(TrackingId id) {
        this.id = id;
    }

    /** A step that moved the message to {@code state} at {@code at}, with its event. */
    static RowChange step(TrackingId id, String stage, MessageState state, String detail, Timestamp at) {
        RowChange change = new RowChange(id);
        change.state = state;
        change.updatedAt = at;
        switch (state) {
            case DELIVERED -> change.deliveredAt = at;
            case ACKNOWLEDGED -> change.acknowledgedAt = at;
            case HANDLED -> change.handledAt = at;
            default -> { }
        }
        change.events.add(new Event(at, stage, state, detail));
        return change;
    }

    static RowChange arrival(TrackingId id, Arrival arrival) {
        RowChange change = new RowChange(id);
        change.arrival = arrival;
        return change;
    }

    /** Takes in a later change to the same message. */
    void absorb(RowChange later) {
        arrival = arrival != null ? arrival : later.arrival;
        updatedAt = later(updatedAt, later.updatedAt);
        state = later(state, later.state);
        format = later(format, later.format);
        type = later(type, later.type);
        version = later(version, later.version);
        envelope = later(envelope, later.envelope);
        letter = later(letter, later.letter);
        sender = later(sender, later.sender);
        receiver = later(receiver, later.receiver);
        recipient = later(recipient, later.recipient);
        ackRequested = later(ackRequested, later.ackRequested);
        municipality = later(municipality, later.municipality);
        cprHash = later(cprHash, later.cprHash);
        deliveredAt = later(deliveredAt, later.deliveredAt);
        acknowledgedAt = later(acknowledgedAt, later.acknowledgedAt);
        handledAt = later(handledAt, later.handledAt);
        events.addAll(later.events);
    }

    private static <T> T later(T earlier, T later) {
        return later != null ? later : earlier;
    }
}
