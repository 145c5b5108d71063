package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.journal.BodyKind;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.journal.audit.BodyViewAudit;
import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.search.Page;
import dk.region.medcom.gateway.journal.search.SearchCriteria;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP entry point and the tracking API. A posted message joins the same pipeline as a file
 * dropped in {@code inbox/}; the answer is 202 with the tracking id, before any stage has run.
 */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "messages", description = "Send messages and follow them through the gateway")
class MessagesController {

    static final int MAX_PAGE_SIZE = SearchParameters.MAX_PAGE_SIZE;

    private final ProducerTemplate producer;
    private final Journal journal;
    private final JournalSearch search;
    private final JournalProperties journalProperties;
    private final IngestProperties limits;
    private final MemoryBudget budget;
    private final Senders senders;
    private final JournalWriter journalWriter;
    private final BodyViewAudit audit;

    MessagesController(ProducerTemplate producer, Journal journal, JournalSearch search,
                       JournalProperties journalProperties, IngestProperties limits, MemoryBudget budget,
                       Senders senders, JournalWriter journalWriter, BodyViewAudit audit) {
        this.producer = producer;
        this.journal = journal;
        this.search = search;
        this.journalProperties = journalProperties;
        this.limits = limits;
        this.budget = budget;
        this.senders = senders;
        this.journalWriter = journalWriter;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Send a MedCom message (XML or EDIFACT, any Content-Type: the bytes are taken as they are); "
            + "answers 202 with its tracking id, 503 with Retry-After while the gateway holds as much as its memory allows")
    ResponseEntity<Map<String, String>> post(HttpServletRequest request, Authentication caller) {
        try (PostedBody body = PostedBody.read(request, budget, limits.maxMessageBytes())) {
            senders.checkMaySend(caller, body.bytes(), body.reservation());
            Exchange done = ingest(body.bytes());
            // JSON whatever the client's Accept header says: a taken message answered 406 was sent again
            if (done == null || done.getException() != null) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", "the gateway could not take the message now; send it again"));
            }
            String id = done.getMessage().getHeader(PipelineHeaders.TRACKING_ID, String.class);
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .location(URI.create("/api/messages/" + id))
                    .body(Map.of("trackingId", id));
        }
    }

    /**
     * Enqueues the message with its journal row held and committed by the journal's own writer
     * thread (JournalWriter): H2 is never written from a request thread, so an OutOfMemoryError
     * there (a request is where a large body lives) cannot strike inside the database's store.
     * A message the broker has is accepted even if its row's commit then fails: the pipeline
     * journals it when it takes it from the queue. Null when nothing was enqueued.
     */
    private Exchange ingest(byte[] body) {
        Exchange[] done = new Exchange[1];
        try {
            journalWriter.inTransaction(() -> {
                done[0] = producer.send("direct:ingest-http", exchange -> exchange.getIn().setBody(body));
                return done[0].getException() == null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the row's commit failed; done[0] says whether the broker has the message
        }
        return done[0];
    }

    @GetMapping
    @Operation(summary = "Search the journal; newest first, pages counted from 0; total counts up to 1,000"
            + " (totalCapped: there are more); a sender finds only messages from its own location numbers")
    ResponseEntity<Page<MessageSummary>> search(
            @RequestParam(required = false) String letterId, @RequestParam(required = false) String envelopeId,
            @RequestParam(required = false) String sender, @RequestParam(required = false) String receiver,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) String type,
            @RequestParam(required = false) String state, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Authentication caller) {
        // read here, not by Spring's binding, so that a 400 names the parameter and what it takes
        SearchParameters.Query query = SearchParameters.read(letterId, envelopeId, sender, receiver, municipality, type,
                state, from, to, page, size);
        SearchCriteria criteria = senders.scope(caller).map(query.criteria()::within).orElse(query.criteria());
        return ResponseEntity.ok(search.search(criteria, query.page(), query.size()));
    }

    @GetMapping("/unacknowledged")
    @Operation(summary = "Delivered messages that asked for a receipt and got none within gateway.journal.ack-timeout")
    List<MessageSummary> unacknowledged() {
        return search.unacknowledged(journalProperties.ackTimeout());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One message with its history; operators also get its bodies, decrypted (those over "
            + "256 KB as a link); a sender sees only messages from its own location numbers (others are not found)")
    ResponseEntity<MessageView> get(@PathVariable String id, Authentication caller) {
        return TrackingId.parse(id)
                .flatMap(trackingId -> journal.find(trackingId)
                        .filter(entry -> senders.mayRead(caller, entry, () -> journal.original(trackingId)))
                        .map(entry -> Senders.isOperator(caller) ? withBodies(entry, caller) : MessageView.of(entry)))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** One form of a message, decrypted, as its bytes (operators only: SecurityConfiguration). */
    @GetMapping("/{id}/bodies/{kind}")
    @Operation(summary = "One body of a message (ORIGINAL, XML, OUTBOUND), decrypted, as its bytes (operators only)")
    ResponseEntity<byte[]> body(@PathVariable String id, @PathVariable String kind, Authentication caller) {
        Optional<BodyKind> bodyKind = Arrays.stream(BodyKind.values()).filter(k -> k.name().equals(kind)).findFirst();
        Optional<JournalEntry> entry = TrackingId.parse(id).flatMap(journal::find);
        if (bodyKind.isEmpty() || entry.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        try (MemoryBudget.Reservation held = hold(entry.get())) {
            audit.viewed(caller.getName(), new TrackingId(entry.get().trackingId()), BodyViewAudit.Channel.API, null);
            byte[] bytes = journal.bodies(new TrackingId(entry.get().trackingId())).get(bodyKind.get());
            return bytes == null ? ResponseEntity.notFound().build()
                    : ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes);
        }
    }

    /** The bodies are decrypted within the memory budget, as the pipeline holds them: else 503, try again. */
    private MessageView withBodies(JournalEntry entry, Authentication caller) {
        try (MemoryBudget.Reservation held = hold(entry)) {
            audit.viewed(caller.getName(), new TrackingId(entry.trackingId()), BodyViewAudit.Channel.API, null);
            return MessageView.withBodies(entry, journal.bodies(new TrackingId(entry.trackingId())));
        }
    }

    private MemoryBudget.Reservation hold(JournalEntry entry) {
        MemoryBudget.Reservation held = budget.tryReserve(Math.max(entry.sizeBytes(), 0) * MemoryBudget.IN_PIPELINE);
        if (held == null) {
            throw Refusal.busy();
        }
        return held;
    }
}
