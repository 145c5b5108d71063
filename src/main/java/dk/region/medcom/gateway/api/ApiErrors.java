package dk.region.medcom.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as {@code {"error": "..."}}; never echoes what was sent (it may hold a CPR number). */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal refusal) {
        // JSON whatever the client's Accept header says: a refusal must never become a 500 (found by fuzzing)
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON);
        if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Refusal.RETRY_AFTER_SECONDS));
        }
        return answer.body(Map.of("error", refusal.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        String where = e.getMostSpecificCause() instanceof JsonProcessingException json && json.getLocation() != null
                ? " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")"
                : "";
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "the request body is not the JSON this call takes" + where));
    }
}
