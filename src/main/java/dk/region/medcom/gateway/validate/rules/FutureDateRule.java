package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Dates that record something that has happened (sent, authorised, consent given) cannot lie in
 * the future beyond a tolerance for clock skew (default one day). Deadlines such as a plan's
 * latest start date are meant to be in the future and are not checked.
 */
final class FutureDateRule implements BusinessRule {

    private final Clock clock;
    private final Duration tolerance;

    FutureDateRule(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    @Override
    public List<Finding> check(ParsedMessage message) {
        LocalDateTime latest = LocalDateTime.now(clock.withZone(DanishTime.ZONE)).plus(tolerance);
        List<Finding> findings = new ArrayList<>();
        message.envelope().map(e -> DanishTime.child(e, "Sent")).ifPresent(sent -> checkDateTime(sent, latest, findings));
        message.find("Letter", "Authorisation").ifPresent(auth -> checkDateTime(auth, latest, findings));
        message.find("Consent", "ConsentDate").ifPresent(consent ->
                DanishTime.date(ParsedMessage.textOf(consent))
                        .filter(d -> d.atStartOfDay().isAfter(latest))
                        .ifPresent(d -> findings.add(ValidationCode.DATE_IN_FUTURE.at(consent, "ConsentDate"))));
        return findings;
    }

    private static void checkDateTime(Element dateTime, LocalDateTime latest, List<Finding> findings) {
        Optional<LocalDateTime> when = DanishTime.dateTime(dateTime);
        if (when.isPresent() && when.get().isAfter(latest)) {
            Element date = DanishTime.child(dateTime, "Date");
            findings.add(ValidationCode.DATE_IN_FUTURE.at(date, dateTime.getLocalName()));
        }
    }
}
