package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.reject.Quarantine;
import dk.region.medcom.gateway.message.TrackingId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A quarantined original, decrypted for an operator (the file in quarantine/ is sealed). */
@RestController
@Tag(name = "operator actions", description = "Resend, release from quarantine, mark handled")
class QuarantineController {

    private final Quarantine quarantine;

    QuarantineController(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** Operators only (SecurityConfiguration: every path not named otherwise). Streamed: it may be large. */
    @GetMapping("/api/messages/{id}/quarantined-original")
    @Operation(summary = "The original bytes of a quarantined message, as received (operators only)")
    ResponseEntity<StreamingResponseBody> original(@PathVariable String id) throws IOException {
        Optional<TrackingId> trackingId = TrackingId.parse(id);
        Optional<InputStream> original = trackingId.isEmpty() ? Optional.empty() : quarantine.original(trackingId.get());
        if (original.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        InputStream in = original.get();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Cache-Control", "no-store")
                .body(out -> {
                    try (in) {
                        in.transferTo(out);
                    }
                });
    }
}
