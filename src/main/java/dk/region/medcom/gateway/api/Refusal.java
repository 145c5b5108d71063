package dk.region.medcom.gateway.api;

import org.springframework.http.HttpStatus;

/** A request the API turns down, with its status and a reason fit for the caller (no message content). */
public class Refusal extends RuntimeException {

    /** Seconds a caller refused for lack of memory is asked to wait before sending again. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final HttpStatus status;

    Refusal(HttpStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static Refusal busy() {
        return new Refusal(HttpStatus.SERVICE_UNAVAILABLE,
                "the gateway is holding as many messages as its memory allows; send again shortly");
    }

    public HttpStatus status() {
        return status;
    }
}
