package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.actions.MessageActions;
import dk.region.medcom.gateway.message.TrackingId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An operator's action on one message or a selection (all dead letters of one recipient after its
 * outage, say): release from quarantine, resend, mark handled. Every action needs a comment and a
 * second, confirming post that shows what will be done; each message's history then says who did
 * it and why.
 */
@Controller
class ConsoleActions {

    /** The most messages one action takes: a page of the list at its largest. */
    static final int MAX_SELECTION = 500;
    static final int MIN_COMMENT = 3;

    enum Action { RELEASE, RESEND, HANDLED }

    /** One message's outcome, for the result page. */
    record Done(String trackingId, boolean ok, String detail) {
    }

    private final MessageActions actions;
    private final Journal journal;

    ConsoleActions(MessageActions actions, Journal journal) {
        this.actions = actions;
        this.journal = journal;
    }

    @PostMapping("/actions")
    String act(@RequestParam(name = "ids", required = false) List<String> ids, @RequestParam String action,
               @RequestParam(required = false) String comment, @RequestParam(defaultValue = "false") boolean confirmed,
               Authentication user, Model model) {
        Optional<Action> chosen = parse(action);
        Set<TrackingId> selected = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().limit(MAX_SELECTION + 1L).map(TrackingId::parse).flatMap(Optional::stream).forEach(selected::add);
        }
        String problem = chosen.isEmpty() ? "action.unknown"
                : selected.isEmpty() ? "action.noneSelected"
                : selected.size() > MAX_SELECTION ? "action.tooMany"
                : comment == null || comment.strip().length() < MIN_COMMENT ? "action.commentNeeded"
                : comment.strip().length() > MessageActions.MAX_COMMENT ? "action.commentTooLong" : null;
        model.addAttribute("action", chosen.map(Enum::name).orElse(null));
        model.addAttribute("comment", comment);
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("entries", List.of());
            return "console/confirm";
        }
        if (!confirmed) {
            List<JournalEntry> entries = new ArrayList<>();
            selected.forEach(id -> journal.find(id).ifPresent(entries::add));
            model.addAttribute("entries", entries);
            return "console/confirm";
        }
        List<Done> outcomes = new ArrayList<>();
        for (TrackingId id : selected) {
            MessageActions.Outcome outcome = switch (chosen.get()) {
                case RELEASE -> actions.release(id, user.getName(), comment);
                case RESEND -> actions.resend(id, user.getName(), comment);
                case HANDLED -> actions.handled(id, user.getName(), comment);
            };
            boolean ok = outcome.status() == MessageActions.Outcome.Status.DONE;
            outcomes.add(new Done(id.value(), ok, ok ? outcome.trackingId() : outcome.reason()));
        }
        model.addAttribute("outcomes", outcomes);
        return "console/done";
    }

    private static Optional<Action> parse(String action) {
        for (Action known : Action.values()) {
            if (known.name().equalsIgnoreCase(action)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }
}
