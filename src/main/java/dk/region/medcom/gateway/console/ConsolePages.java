package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.api.Refusal;
import dk.region.medcom.gateway.api.SearchParameters;
import dk.region.medcom.gateway.api.Senders;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.journal.audit.BodyViewAudit;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import dk.region.medcom.gateway.journal.search.Page;
import dk.region.medcom.gateway.journal.search.SearchCriteria;
import dk.region.medcom.gateway.message.TrackingId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's pages: the dashboard ({@code /}), the message list ({@code /messages}, the same
 * query parameters as {@code GET /api/messages}, so a search is a bookmark) and one message
 * ({@code /messages/{trackingId}}: identifiers, parties, timeline with each stage's findings).
 * A sender-only user sees the messages from its own location numbers, as in the API.
 */
@Controller
class ConsolePages {

    /** States in the order a message reaches them, for the dashboard's columns. */
    static final List<MessageState> OUTCOMES = List.of(MessageState.RECEIVED, MessageState.DELIVERED,
            MessageState.ACKNOWLEDGED, MessageState.DUPLICATE, MessageState.QUARANTINED,
            MessageState.REJECTED_BY_RECIPIENT, MessageState.DEAD_LETTER);

    private final JournalSearch search;
    private final Journal journal;
    private final Senders senders;
    private final BodyViewAudit audit;
    private final MemoryBudget budget;
    private final Duration ackTimeout;
    private final GatewayStatus status;
    private final Clock clock;

    ConsolePages(JournalSearch search, Journal journal, Senders senders, BodyViewAudit audit, MemoryBudget budget,
                 JournalProperties journalProperties, GatewayStatus status, Clock clock) {
        this.status = status;
        this.ackTimeout = journalProperties.ackTimeout();
        this.search = search;
        this.journal = journal;
        this.senders = senders;
        this.audit = audit;
        this.budget = budget;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String dashboard(Authentication user, Model model) {
        Instant now = clock.instant();
        Set<String> scope = senders.scope(user).orElse(null);
        model.addAttribute("lastHour", Tally.of(search.countsSince(now.minus(Duration.ofHours(1)), scope)));
        model.addAttribute("lastDay", Tally.of(search.countsSince(now.minus(Duration.ofDays(1)), scope)));
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("overdueReceipts", search.overdueCount(ackTimeout, scope));
        // the gateway's parts are operations' business, not a sender's
        model.addAttribute("status", scope == null ? status.now() : null);
        model.addAttribute("ackTimeout", shortly(ackTimeout));
        model.addAttribute("now", now);
        return "console/dashboard";
    }

    /** Delivered messages that asked for a receipt and got none within gateway.journal.ack-timeout. */
    @GetMapping("/overdue")
    String overdue(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                   Authentication user, Model model) {
        model.addAttribute("asked", new LinkedHashMap<String, String>());
        model.addAttribute("states", Arrays.asList(MessageState.values()));
        model.addAttribute("current", "overdue");
        model.addAttribute("ackTimeout", shortly(ackTimeout));
        try {
            model.addAttribute("result", search.unacknowledged(ackTimeout, senders.scope(user).orElse(null),
                    SearchParameters.page(page), SearchParameters.size(size)));
        } catch (Refusal refused) {
            model.addAttribute("refused", refused.getMessage());
        }
        return "console/messages";
    }

    @GetMapping("/messages")
    String messages(@RequestParam(required = false) String letterId, @RequestParam(required = false) String envelopeId,
                    @RequestParam(required = false) String sender, @RequestParam(required = false) String receiver,
                    @RequestParam(required = false) String municipality, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String state, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String page,
                    @RequestParam(required = false) String size, Authentication user, Model model) {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("letterId", letterId);
        asked.put("envelopeId", envelopeId);
        asked.put("sender", sender);
        asked.put("receiver", receiver);
        asked.put("municipality", municipality);
        asked.put("type", type);
        asked.put("state", state);
        asked.put("from", from);
        asked.put("to", to);
        model.addAttribute("asked", asked);
        model.addAttribute("states", Arrays.asList(MessageState.values()));
        model.addAttribute("current", "messages");
        try {
            SearchParameters.Query query = SearchParameters.read(letterId, envelopeId, sender, receiver, municipality,
                    type, state, from, to, page, size);
            SearchCriteria criteria = senders.scope(user).map(query.criteria()::within).orElse(query.criteria());
            model.addAttribute("result", search.search(criteria, query.page(), query.size()));
        } catch (Refusal refused) {
            model.addAttribute("refused", refused.getMessage());
        }
        return "console/messages";
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable String id, Authentication user, Model model) {
        Optional<JournalEntry> entry = TrackingId.parse(id).flatMap(trackingId -> journal.find(trackingId)
                .filter(found -> senders.mayRead(user, found, () -> journal.original(trackingId))));
        if (entry.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message with that tracking id");
        }
        model.addAttribute("entry", entry.get());
        return "console/message";
    }

    /**
     * A message's contents, for operators: its forms side by side, findings marked at their place.
     * The view is audited (who, when, why if given) before anything is decrypted.
     */
    @GetMapping("/messages/{id}/contents")
    String contents(@PathVariable String id, @RequestParam(required = false) String reason, Authentication user,
                    Model model) {
        Optional<TrackingId> trackingId = TrackingId.parse(id);
        Optional<JournalEntry> entry = trackingId.flatMap(journal::find);
        if (entry.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message with that tracking id");
        }
        try (MemoryBudget.Reservation held = budget.tryReserve(Math.max(entry.get().sizeBytes(), 0) * MemoryBudget.IN_PIPELINE)) {
            if (held == null) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the gateway is holding as many messages as its memory allows; try again shortly");
            }
            audit.viewed(user.getName(), trackingId.get(), BodyViewAudit.Channel.CONSOLE, reason);
            List<MessageContents.Form> forms = MessageContents.forms(entry.get(), journal.bodies(trackingId.get()));
            model.addAttribute("entry", entry.get());
            model.addAttribute("forms", forms);
            model.addAttribute("findings", MessageContents.placed(entry.get(), forms));
            model.addAttribute("views", audit.viewsOf(trackingId.get()));
            return "console/contents";
        }
    }

    /** A duration as people write it: 24 h, 5 min, 2 s. */
    static String shortly(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** Messages counted by state, by type and in all: one dashboard table. */
    record Tally(Map<MessageState, Long> byState, Map<String, Map<MessageState, Long>> byType, long total) {

        static Tally of(List<JournalSearch.Count> counts) {
            Map<MessageState, Long> byState = new TreeMap<>();
            Map<String, Map<MessageState, Long>> byType = new TreeMap<>();
            long total = 0;
            for (JournalSearch.Count count : counts) {
                byState.merge(count.state(), count.messages(), Long::sum);
                String type = count.receivedType() == null ? "?" : count.receivedType();
                byType.computeIfAbsent(type, t -> new TreeMap<>()).merge(count.state(), count.messages(), Long::sum);
                total += count.messages();
            }
            return new Tally(byState, byType, total);
        }

        public long count(MessageState state) {
            return byState.getOrDefault(state, 0L);
        }
    }
}
