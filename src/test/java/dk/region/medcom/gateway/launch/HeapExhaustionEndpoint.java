package dk.region.medcom.gateway.launch;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For BackPressureIT only (off unless {@code test.heap-exhaustion-endpoint=true}): a request thread
 * that fills the heap until an OutOfMemoryError, as a runaway request would, then lets go.
 */
@RestController
@ConditionalOnProperty(name = "test.heap-exhaustion-endpoint", havingValue = "true")
class HeapExhaustionEndpoint {

    @PostMapping("/test/exhaust-heap")
    ResponseEntity<String> exhaust() {
        List<byte[]> hoard = new ArrayList<>();
        try {
            while (true) {
                hoard.add(new byte[1024 * 1024]);
            }
        } catch (OutOfMemoryError e) {
            int megabytes = hoard.size();
            hoard = null;
            return ResponseEntity.internalServerError().body("OutOfMemoryError after " + megabytes + " MB");
        }
    }
}
