package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.api.RoutingExplainer;
import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.route.Municipality;
import dk.region.medcom.gateway.route.MunicipalityDirectory;
import dk.region.medcom.gateway.route.RecipientDirectory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Routing explained (a pasted or uploaded message, or a tracked one, routed with the directories
 * as they stand, nothing delivered) and the recipient directory (search by municipality, name or
 * location number; when it was read and the last file refused).
 */
@Controller
class RoutingPages {

    private static final Pattern LATIN1_DECLARED =
            Pattern.compile("encoding\\s*=\\s*[\"'](ISO-8859-1|latin1|windows-1252)[\"']", Pattern.CASE_INSENSITIVE);

    private final RoutingExplainer explainer;
    private final RecipientDirectory recipients;
    private final MunicipalityDirectory municipalities;
    private final MemoryBudget budget;
    private final IngestProperties limits;

    RoutingPages(RoutingExplainer explainer, RecipientDirectory recipients, MunicipalityDirectory municipalities,
                 MemoryBudget budget, IngestProperties limits) {
        this.explainer = explainer;
        this.recipients = recipients;
        this.municipalities = municipalities;
        this.budget = budget;
        this.limits = limits;
    }

    @GetMapping("/routing")
    String routing(@RequestParam(required = false) String trackingId, Model model) {
        if (trackingId != null) {
            TrackingId id = TrackingId.parse(trackingId).orElseThrow(() -> notFound());
            model.addAttribute("explained", explainer.explain(id).orElseThrow(() -> notFound()));
            model.addAttribute("trackingId", id.value());
        }
        return "console/routing";
    }

    @PostMapping("/routing")
    String explain(@RequestParam(defaultValue = "") String message, Model model) {
        byte[] bytes = message.getBytes(charsetOf(message));
        if (bytes.length == 0 || bytes.length > limits.maxMessageBytes()) {
            model.addAttribute("problem", "routing.empty");
            return "console/routing";
        }
        try (MemoryBudget.Reservation held = budget.tryReserve((long) bytes.length * MemoryBudget.IN_PIPELINE)) {
            if (held == null) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the gateway is holding as many messages as its memory allows; try again shortly");
            }
            model.addAttribute("explained", explainer.explain(bytes));
            return "console/routing";
        }
    }

    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String q, Model model) {
        String asked = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Recipient> found = recipients.all().stream().filter(r -> matches(r, asked)).toList();
        model.addAttribute("q", q);
        model.addAttribute("recipients", found);
        model.addAttribute("total", recipients.size());
        model.addAttribute("loadedAt", recipients.loadedAt());
        model.addAttribute("refusal", recipients.lastRefusal().orElse(null));
        Map<String, String> names = new HashMap<>();
        found.stream().map(Recipient::municipality).filter(code -> code != null).distinct()
                .forEach(code -> municipalities.find(code).ifPresent(m -> names.put(code, m.name())));
        model.addAttribute("municipalityNames", names);
        return "console/directory";
    }

    /**
     * The bytes the sender's system would have sent: EDIFACT and XML declared ISO-8859-1 in Latin-1
     * (a browser gives the page's UTF-8), anything else in UTF-8.
     */
    static Charset charsetOf(String message) {
        String head = message.stripLeading();
        boolean latin1 = head.startsWith("UNA") || head.startsWith("UNB")
                || head.startsWith("<?xml") && LATIN1_DECLARED.matcher(head.substring(0, Math.min(head.length(), 100))).find();
        return latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private boolean matches(Recipient recipient, String asked) {
        if (asked.isEmpty()) {
            return true;
        }
        String municipalityName = recipient.municipality() == null ? ""
                : municipalities.find(recipient.municipality()).map(Municipality::name).orElse("");
        return contains(recipient.locationNumber(), asked) || contains(recipient.name(), asked)
                || contains(recipient.municipality(), asked) || contains(municipalityName, asked)
                || contains(recipient.organisation(), asked) || contains(recipient.unit(), asked);
    }

    private static boolean contains(String value, String asked) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(asked);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no message with that tracking id");
    }
}
