package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.audit.BodyViewAudit;
import dk.region.medcom.gateway.journal.search.CprSearch;
import dk.region.medcom.gateway.message.CprNumber;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages: the audit log (CPR searches, views of contents) and the search by CPR
 * number, which needs a reason and is itself audited. The number searched for is shown masked.
 */
@Controller
class AuditPages {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 500;
    static final int PAGE_SIZE = 100;

    private final CprSearch cprSearch;
    private final BodyViewAudit bodyViews;

    AuditPages(CprSearch cprSearch, BodyViewAudit bodyViews) {
        this.cprSearch = cprSearch;
        this.bodyViews = bodyViews;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(page, 0);
        model.addAttribute("searches", cprSearch.auditLog(shown, PAGE_SIZE));
        model.addAttribute("views", bodyViews.views(shown, PAGE_SIZE));
        return "console/audit";
    }

    @PostMapping("/audit/cpr-search")
    String searchByCpr(@RequestParam(required = false) String cpr, @RequestParam(required = false) String reason,
                       Authentication user, Model model) {
        String why = reason == null ? "" : reason.strip();
        Optional<CprNumber> number = CprNumber.of(cpr == null ? "" : cpr.strip().replace("-", ""));
        model.addAttribute("reason", why);
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            model.addAttribute("problem", "audit.reasonNeeded");
        } else if (number.isEmpty()) {
            model.addAttribute("problem", "audit.notACpr");
        } else {
            List<MessageSummary> found = cprSearch.search(number.get().unmasked(), why, user.getName()).orElse(List.of());
            model.addAttribute("searched", number.get().toString());
            model.addAttribute("found", found);
        }
        return "console/cpr-search";
    }
}
