package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.journal.actions.MessageActions;
import dk.region.medcom.gateway.message.TrackingId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An operator's actions on one message, each with an optional comment that the history keeps. */
@RestController
@RequestMapping("/api/messages/{id}")
@Tag(name = "operator actions", description = "Resend, release from quarantine, mark handled")
class OperatorActionsController {

    private final MessageActions actions;

    OperatorActionsController(MessageActions actions) {
        this.actions = actions;
    }

    @PostMapping("/resend")
    @Operation(summary = "Send the stored original again as a new message with a new envelope identifier")
    ResponseEntity<Map<String, String>> resend(@PathVariable String id, @RequestParam(required = false) String comment,
                                              Authentication caller) {
        return act(id, trackingId -> actions.resend(trackingId, caller.getName(), comment), HttpStatus.ACCEPTED);
    }

    @PostMapping("/release")
    @Operation(summary = "Run a quarantined message through the pipeline again, after a fix")
    ResponseEntity<Map<String, String>> release(@PathVariable String id, @RequestParam(required = false) String comment,
                                              Authentication caller) {
        return act(id, trackingId -> actions.release(trackingId, caller.getName(), comment), HttpStatus.ACCEPTED);
    }

    @PostMapping("/handled")
    @Operation(summary = "Mark the message as dealt with outside the gateway")
    ResponseEntity<Map<String, String>> handled(@PathVariable String id, @RequestParam(required = false) String comment,
                                              Authentication caller) {
        return act(id, trackingId -> actions.handled(trackingId, caller.getName(), comment), HttpStatus.OK);
    }

    private static ResponseEntity<Map<String, String>> act(String id, Function<TrackingId, MessageActions.Outcome> action,
                                                           HttpStatus onSuccess) {
        Optional<TrackingId> trackingId = TrackingId.parse(id);
        if (trackingId.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        MessageActions.Outcome outcome = action.apply(trackingId.get());
        return switch (outcome.status()) {
            case DONE -> ResponseEntity.status(onSuccess).body(done(outcome));
            case NOT_FOUND -> ResponseEntity.notFound().build();
            case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", outcome.reason()));
            case UNAVAILABLE -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", outcome.reason()));
        };
    }

    private static Map<String, String> done(MessageActions.Outcome outcome) {
        return outcome.envelopeId() == null ? Map.of("trackingId", outcome.trackingId())
                : Map.of("trackingId", outcome.trackingId(), "envelopeId", outcome.envelopeId());
    }
}
