package dk.region.medcom.gateway.journal.maintenance;

import org.slf4j.Logger;

/**
 * A WARN for the first failure of a task that runs several times a second, then silence until it
 * has succeeded again: a journal that stays unreachable shows in /actuator/health, not as four log
 * lines a second.
 */
final class RepeatedFailureLog {

    private final Logger log;
    private final String what;
    private volatile boolean failing;

    RepeatedFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void succeeded() {
        failing = false;
    }

    void failed(Object cause) {
        if (!failing) {
            log.warn("{} failed: {}", what, cause);
        }
        failing = true;
    }
}
