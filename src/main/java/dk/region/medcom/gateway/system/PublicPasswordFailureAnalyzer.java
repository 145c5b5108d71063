package dk.region.medcom.gateway.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for a public password is told in its own words, not as a stack trace. */
class PublicPasswordFailureAnalyzer extends AbstractFailureAnalyzer<SecurityConfiguration.PublicPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, SecurityConfiguration.PublicPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set gateway.users in your own configuration with passwords of your own, and start without the demo"
                        + " profile (README: API and users).", cause);
    }
}
