package dk.region.medcom.gateway.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Every error that reaches the servlet container's error page (a body that ended before its
 * Content-Length, which Tomcat answers itself; an answer the client's Accept header rules out; a
 * path that is not there) answered as the API answers: {@code {"error": "..."}} in JSON whatever
 * Accept says, with a reason a sender can act on. Boot's own error page said "Bad Request" at
 * best, or an HTML page to a client that asked for HTML (found by the HTTP fuzz campaign). Never
 * an exception's own message: it may quote what was sent. A browser asking for one of the
 * console's pages gets the same reason as a small HTML page.
 */
@RestController
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String reason = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Refusal refusal
                ? refusal.getMessage() : reasonFor(status);
        if (isConsolePage(request)) {
            // a person in the console's browser gets a page with the reason and a way back, not JSON
            return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(page(status, reason));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
    }

    /** A browser's request for one of the console's pages (the API, actuator and API docs always answer JSON). */
    private static boolean isConsolePage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text : "";
        String accept = String.valueOf(request.getHeader("Accept"));
        return accept.contains("text/html") && !path.startsWith("/api/") && !path.startsWith("/actuator")
                && !path.startsWith("/v3/") && !path.startsWith("/swagger");
    }

    private static String page(int status, String reason) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + status + " · medcom-gateway</title>"
                + "<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body class=\"login\"><main class=\"card\">"
                + "<h1>" + status + "</h1><p class=\"error\">" + HtmlUtils.htmlEscape(reason) + "</p>"
                + "<p><a href=\"/\">medcom-gateway</a></p></main></body></html>";
    }

    static String reasonFor(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: its body ended before its Content-Length, or its chunks,"
                    + " headers or parameters are malformed";
            case 401 -> "log in first (HTTP Basic)";
            case 403 -> "this user may not do this";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take this method";
            case 406 -> "the gateway answers in JSON, which this request's Accept header rules out";
            case 413 -> "the request is too large";
            case 415 -> "this address does not take this Content-Type";
            case 503 -> "the gateway cannot take this now; send it again shortly";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield status >= 500 ? "the gateway could not answer this request; the cause is in its log"
                        : known != null ? known.getReasonPhrase() : "the request was refused";
            }
        };
    }
}
