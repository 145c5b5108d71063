package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.journal.audit.BodyViewAudit;
import dk.region.medcom.gateway.journal.search.CprSearch;
import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.search.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search by CPR number, for auditors, with a stated reason; every search is audited. The number
 * travels in the request body (never the URL, which ends up in access logs) and is not echoed back.
 */
@RestController
@Tag(name = "audit", description = "Search by CPR number with a reason; read the audit log")
class CprSearchController {

    static final int MIN_REASON_LENGTH = 10;
    static final int MAX_REASON_LENGTH = 500;

    private final CprSearch cprSearch;
    private final BodyViewAudit bodyViews;

    CprSearchController(CprSearch cprSearch, BodyViewAudit bodyViews) {
        this.cprSearch = cprSearch;
        this.bodyViews = bodyViews;
    }

    record CprSearchRequest(String cpr, String reason) {
    }

    @PostMapping("/api/messages/search-by-cpr")
    @Operation(summary = "The messages about one patient; needs a reason, which is audited with who, when and how many hits")
    ResponseEntity<?> search(@RequestBody CprSearchRequest request, Authentication caller) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < MIN_REASON_LENGTH || reason.length() > MAX_REASON_LENGTH) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "state the reason for the search (" + MIN_REASON_LENGTH + " to " + MAX_REASON_LENGTH + " characters)"));
        }
        Optional<List<MessageSummary>> found = cprSearch.search(request.cpr(), reason, caller.getName());
        if (found.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "cpr must be ten digits (ddmmyy-xxxx or ddmmyyxxxx)"));
        }
        return ResponseEntity.ok(Map.of("hits", found.get().size(), "messages", found.get()));
    }

    @GetMapping("/api/audit/cpr-searches")
    @Operation(summary = "The CPR search audit log, newest first")
    ResponseEntity<Page<CprSearch.AuditRecord>> auditLog(@RequestParam(defaultValue = "0") int page,
                                                         @RequestParam(defaultValue = "50") int size) {
        return isPage(page, size) ? ResponseEntity.ok(cprSearch.auditLog(page, size)) : ResponseEntity.badRequest().build();
    }

    @GetMapping("/api/audit/body-views")
    @Operation(summary = "Who read which message's contents (API and console), newest first")
    ResponseEntity<Page<BodyViewAudit.BodyView>> bodyViews(@RequestParam(defaultValue = "0") int page,
                                                           @RequestParam(defaultValue = "50") int size) {
        return isPage(page, size) ? ResponseEntity.ok(bodyViews.views(page, size)) : ResponseEntity.badRequest().build();
    }

    private static boolean isPage(int page, int size) {
        return page >= 0 && size >= 1 && size <= MessagesController.MAX_PAGE_SIZE;
    }
}
