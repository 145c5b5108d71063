package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.TrackingId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every message, every step it took and every form of it (encrypted). Writes are
 * idempotent so that a message redelivered by the broker after a crash does not create a second
 * record. They go through {@link JournalWriter}: inside a route they are committed together when
 * the route ends, so each takes its values (times, encrypted bodies) when it is made.
 */
@Repository
public class Journal {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final BodyStore bodies;
    private final CprHasher cprHasher;
    private final JournalWriter writer;
    /** Whether the journal is PostgreSQL, found on the first insert. */
    private volatile Boolean postgres;

    Journal(NamedParameterJdbcTemplate named, Clock clock, BodyStore bodies, CprHasher cprHasher,
            JournalWriter writer) {
        this.named = named;
        this.jdbc = JdbcClient.create(named);
        this.clock = clock;
        this.bodies = bodies;
        this.cprHasher = cprHasher;
        this.writer = writer;
    }

    /** Registers a message too large to read; a second call for the same tracking id does nothing. */
    public void received(TrackingId id, String source, long sizeBytes) {
        Timestamp at = Timestamp.from(clock.instant());
        writer.change(RowChange.arrival(id, new RowChange.Arrival(source, sizeBytes, null, null, at, null)), this::apply);
    }

    /** Registers a new message with its original bytes; a second call for the same tracking id does nothing. */
    public void received(TrackingId id, String source, byte[] original) {
        received(id, source, original, clock.instant());
    }

    /**
     * As {@link #received(TrackingId, String, byte[])}, for a message the gateway took in at
     * {@code at} (a file is journaled when the pipeline takes it from the inbound queue, with the
     * time it was picked up from inbox/).
     */
    public void received(TrackingId id, String source, byte[] original, Instant at) {
        writer.change(RowChange.arrival(id, arrival(id, source, original, null, at)), this::apply);
    }

    private RowChange.Arrival arrival(TrackingId id, String source, byte[] original, TrackingId resentFrom, Instant at) {
        return new RowChange.Arrival(source, original.length, fingerprint(original), resentFrom, Timestamp.from(at),
                bodies.seal(id.value(), BodyKind.ORIGINAL, original, at));
    }

    /** Registers an operator's resend of {@code previous} as a new message, and marks the old one RESENT. */
    @Transactional
    public void resent(TrackingId previous, TrackingId id, byte[] original, String operator) {
        apply(RowChange.arrival(id, arrival(id, "resend", original, previous, clock.instant())));
        jdbc.sql("update message set resent_as = :next where tracking_id = :id")
                .param("next", id.value()).param("id", previous.value()).update();
        mark(previous, "resend", MessageState.RESENT, "resent by " + operator + " as " + id.value());
    }

    /** Records a step: the message's new state, what is now known about it, and the step's findings. */
    public void record(TrackingId id, String stage, MessageState state, MessageFormat format, MessageHeader header,
                       String recipientLocation, String detail) {
        RowChange change = RowChange.step(id, stage, state, detail, Timestamp.from(clock.instant()));
        change.format = format == null ? null : format.name();
        if (header != MessageHeader.UNKNOWN) {
            change.type = header.messageType();
            change.ackRequested = header.acknowledgementRequested();
        }
        change.version = header.versionCode();
        change.envelope = header.envelopeId();
        change.letter = header.letterId();
        change.sender = header.senderLocation();
        change.receiver = header.receiverLocation();
        change.recipient = recipientLocation;
        writer.change(change, this::apply);
    }

    /** A state an operator or a background check sets: an event, and its time where the row keeps one. */
    public void mark(TrackingId id, String stage, MessageState state, String detail) {
        writer.change(RowChange.step(id, stage, state, detail, Timestamp.from(clock.instant())), this::apply);
    }

    /** The kommunekode the message was routed by, so it can be searched by municipality. */
    public void municipality(TrackingId id, String code) {
        RowChange change = new RowChange(id);
        change.municipality = code;
        writer.change(change, this::apply);
    }

    /** Keeps one form of the message (encrypted). */
    public void keep(TrackingId id, BodyKind kind, byte[] body) {
        if (body != null) {
            BodyStore.SealedBody sealed = bodies.seal(id.value(), kind, body, clock.instant());
            writer.write(() -> bodies.put(sealed));
        }
    }

    /** Keeps the keyed hash of the patient's CPR number parse read, so operators can search by it. */
    public void identifyPatient(TrackingId id, PatientFacts patient) {
        cprOf(patient).flatMap(cprHasher::hash).ifPresent(hash -> {
            RowChange change = new RowChange(id);
            change.cprHash = hash;
            writer.change(change, this::apply);
        });
    }

    /** The patient's CPR number as parse read it (ten digits), for hashing only. */
    static Optional<String> cprOf(PatientFacts patient) {
        return patient == null ? Optional.empty() : patient.cprNumber().map(CprNumber::unmasked);
    }

    /**
     * The recipients with messages translated but not yet delivered: after a restart their
     * delivery queues may hold messages, so their consumers must run. Answered from the state index.
     */
    public List<String> recipientsAwaitingDelivery() {
        return jdbc.sql("select distinct recipient_location from message where state = 'TRANSLATED'"
                        + " and recipient_location is not null")
                .query(String.class).list();
    }

    public Optional<JournalEntry> find(TrackingId id) {
        List<JournalEntry.Event> history = jdbc.sql(
                        "select at, stage, state, detail from message_event where tracking_id = :id order by id")
                .param("id", id.value())
                .query((rs, n) -> new JournalEntry.Event(JournalRows.instant(rs, "at"), rs.getString("stage"),
                        MessageState.valueOf(rs.getString("state")), rs.getString("detail")))
                .list();
        return jdbc.sql("select * from message where tracking_id = :id")
                .param("id", id.value())
                .query((rs, n) -> JournalRows.entry(rs, history))
                .optional();
    }

    /** The state a message is in now, without its history. */
    public Optional<MessageState> state(TrackingId id) {
        return jdbc.sql("select state from message where tracking_id = :id").param("id", id.value())
                .query(String.class).optional().map(MessageState::valueOf);
    }

    /** The {@link #fingerprint(byte[]) fingerprint} of a message's original; empty when it had none (too large to read). */
    public Optional<String> fingerprintOf(TrackingId id) {
        return jdbc.sql("select fingerprint from message where tracking_id = :id").param("id", id.value())
                .query(String.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** The decrypted forms of a message that are still kept (retention may have pruned them). */
    public Map<BodyKind, byte[]> bodies(TrackingId id) {
        return bodies.all(id.value());
    }

    public Optional<byte[]> original(TrackingId id) {
        return bodies.get(id.value(), BodyKind.ORIGINAL);
    }

    private void apply(RowChange change) {
        if (change.arrival != null && insert(change)) {
            if (change.arrival.original() != null) {
                bodies.add(change.arrival.original());
            }
            List<RowChange.Event> events = new ArrayList<>(change.events.size() + 1);
            events.add(change.arrival.event());
            events.addAll(change.events);
            addEvents(change.id, events);
            return;
        }
        JdbcClient.StatementSpec update = jdbc.sql("""
                update message set state = coalesce(:state, state), updated_at = coalesce(:now, updated_at),
                  message_format = coalesce(:format, message_format),
                  message_type = coalesce(:type, message_type), version_code = coalesce(:version, version_code),
                  envelope_id = coalesce(:envelope, envelope_id), letter_id = coalesce(:letter, letter_id),
                  sender_location = coalesce(:sender, sender_location),
                  receiver_location = coalesce(:receiver, receiver_location),
                  recipient_location = coalesce(:recipient, recipient_location),
                  ack_requested = coalesce(:ack, ack_requested),
                  municipality = coalesce(:municipality, municipality), cpr_hash = coalesce(:cprHash, cpr_hash),
                  delivered_at = coalesce(:deliveredAt, delivered_at),
                  acknowledged_at = coalesce(:acknowledgedAt, acknowledged_at),
                  handled_at = coalesce(:handledAt, handled_at)
                where tracking_id = :id""")
                .params(values(change))
                .param("id", change.id.value());
        if (update.update() == 0 && change.state != null) {
            ensureRow(change.id);
            update.update();
        }
        addEvents(change.id, change.events);
    }

    /**
     * A message the broker holds must have its row, even if the database lost it (a restore from
     * backup, an H2 file from before a crash): then a row is made again, so the journal keeps
     * following the message instead of failing it. Called only when an update found no row, so
     * the usual step costs one statement, not two.
     */
    private void ensureRow(TrackingId id) {
        Timestamp now = Timestamp.from(clock.instant());
        if (insert(RowChange.arrival(id, new RowChange.Arrival("unknown", 0, null, null, now, null)))) {
            addEvent(id, "journal", MessageState.RECEIVED, "the journal had no row for this message; made again", now);
        }
    }

    /**
     * The message's row with what the change knows, unless it has one (a redelivery, or the other
     * node's HTTP request committed it meanwhile): then false. On PostgreSQL an insert that meets
     * another transaction's uncommitted row with the same key waits for it and would then fail;
     * {@code on conflict do nothing} makes it find the row instead (TwoNodeJournalIT). H2 has no
     * such clause outside its PostgreSQL mode, and needs none: it runs one node, whose journal
     * writes all go through one writer thread.
     */
    private boolean insert(RowChange change) {
        RowChange.Arrival arrival = change.arrival;
        return jdbc.sql(ifAbsent("""
                insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, fingerprint,
                                     resent_from, message_format, message_type, version_code, envelope_id, letter_id,
                                     sender_location, receiver_location, recipient_location, ack_requested,
                                     municipality, cpr_hash, delivered_at, acknowledged_at, handled_at)
                select :id, :source, :at, :now, :state, :size, :fingerprint,
                       :resentFrom, :format, :type, :version, :envelope, :letter, :sender, :receiver, :recipient,
                       :ack, :municipality, :cprHash, :deliveredAt, :acknowledgedAt, :handledAt
                where not exists (select 1 from message where tracking_id = :id)"""))
                .params(values(change))
                // (defaults set here, not with coalesce in SQL: PostgreSQL cannot type coalesce of two parameters)
                .param("now", change.updatedAt != null ? change.updatedAt : arrival.at())
                .param("state", change.state != null ? change.state.name() : MessageState.RECEIVED.name())
                .param("ack", Boolean.TRUE.equals(change.ackRequested))
                .param("id", change.id.value()).param("source", arrival.source()).param("at", arrival.at())
                .param("size", arrival.sizeBytes()).param("fingerprint", arrival.fingerprint())
                .param("resentFrom", arrival.resentFrom() == null ? null : arrival.resentFrom().value())
                .update() == 1;
    }

    private String ifAbsent(String insert) {
        if (postgres == null) {
            postgres = named.getJdbcTemplate().execute((ConnectionCallback<Boolean>)
                    connection -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
        }
        return postgres ? insert + " on conflict (tracking_id) do nothing" : insert;
    }

    /** The values a change sets (null: left as it is), by the names the statements use. */
    private static Map<String, Object> values(RowChange change) {
        Map<String, Object> values = new HashMap<>();
        values.put("state", change.state == null ? null : change.state.name());
        values.put("now", change.updatedAt);
        values.put("format", change.format);
        values.put("type", change.type);
        values.put("version", change.version);
        values.put("envelope", change.envelope);
        values.put("letter", change.letter);
        values.put("sender", change.sender);
        values.put("receiver", change.receiver);
        values.put("recipient", change.recipient);
        values.put("ack", change.ackRequested);
        values.put("municipality", change.municipality);
        values.put("cprHash", change.cprHash);
        values.put("deliveredAt", change.deliveredAt);
        values.put("acknowledgedAt", change.acknowledgedAt);
        values.put("handledAt", change.handledAt);
        return values;
    }

    private void addEvent(TrackingId id, String stage, MessageState state, String detail, Timestamp at) {
        addEvents(id, List.of(new RowChange.Event(at, stage, state, detail)));
    }

    private void addEvents(TrackingId id, List<RowChange.Event> events) {
        if (events.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = events.stream().map(event -> new MapSqlParameterSource()
                .addValue("id", id.value()).addValue("at", event.at()).addValue("stage", event.stage())
                .addValue("state", event.state().name())
                .addValue("detail", event.detail() == null ? null : truncate(event.detail())))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("insert into message_event (tracking_id, at, stage, state, detail)"
                + " values (:id, :at, :stage, :state, :detail)", rows);
    }

    private static String truncate(String detail) {
        return detail.length() <= 8000 ? detail : detail.substring(0, 7990) + " [...]";
    }

    /** SHA-256 of the original: tells the same letter sent again from one with the same identifiers and other content. */
    public static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For callers that need the time the journal uses. */
    Instant now() {
        return clock.instant();
    }
}
