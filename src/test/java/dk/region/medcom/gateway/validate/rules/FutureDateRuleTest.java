package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.ggop;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Now" is 24 November 2026 13:00 Danish time; the default tolerance is one day. */
class FutureDateRuleTest {

    private static final String AUTHORISED = "<Authorisation>\n        <Date>2026-11-20</Date>\n        <Time>10:25</Time>";
    private final FutureDateRule rule = new FutureDateRule(RuleFixtures.NOW, Duration.ofDays(1));

    @Test
    void acceptsDatesInThePast() {
        assertThat(check(rule, xref15())).isEmpty();
    }

    @Test
    void rejectsAnAuthorisationBeyondTheTolerance() {
        String xml = change(xref15(), AUTHORISED, authorised("2026-11-25", "13:01"));

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DATE-IN-FUTURE");
            assertThat(f.location()).isEqualTo(Location.xml(17, 15, "/Emessage/MunicipalReferral/Letter/Authorisation/Date"));
            assertThat(f.textEn()).contains("Authorisation");
        });
    }

    @Test
    void acceptsAClockSkewWithinTheTolerance() {
        assertThat(check(rule, change(xref15(), AUTHORISED, authorised("2026-11-25", "12:59")))).isEmpty();
    }

    @Test
    void usesTheConfiguredTolerance() {
        FutureDateRule strict = new FutureDateRule(RuleFixtures.NOW, Duration.ZERO);

        assertThat(check(strict, change(xref15(), AUTHORISED, authorised("2026-11-24", "13:05")))).hasSize(1);
    }

    @Test
    void rejectsAnEnvelopeSentInTheFuture() {
        String xml = change(xref15(), "<Date>2026-11-20</Date>\n      <Time>10:30</Time>", "<Date>2027-01-01</Date>\n      <Time>10:30</Time>");

        assertThat(check(rule, xml)).singleElement().satisfies(f ->
                assertThat(f.location().xpath()).isEqualTo("/Emessage/Envelope/Sent/Date"));
    }

    @Test
    void rejectsConsentGivenInTheFuture() {
        String xml = change(xref15(), "<ConsentDate>2026-11-19<", "<ConsentDate>2026-11-30<");

        assertThat(check(rule, xml)).singleElement().satisfies(f ->
                assertThat(f.location().xpath()).isEqualTo("/Emessage/MunicipalReferral/Consent/ConsentDate"));
    }

    @Test
    void leavesDeadlinesAloneTheyAreMeantToBeAhead() {
        assertThat(check(rule, change(ggop(), "<StartNoLaterThan>2026-11-27<", "<StartNoLaterThan>2027-03-01<"))).isEmpty();
    }

    private static String authorised(String date, String time) {
        return "<Authorisation>\n        <Date>" + date + "</Date>\n        <Time>" + time + "</Time>";
    }
}
