package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(5, Duration.ofSeconds(1), 10, Duration.ofMinutes(5), Duration.ofMinutes(5)), clock, meters);

    @Test
    void delaysAfterFiveFailuresWithGrowingWaitsAndLocksAfterTen() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("operator", "10.0.0.1");
            assertThat(throttle.waitFor("operator", "10.0.0.1")).isEmpty();
        }
        throttle.failed("operator", "10.0.0.1");
        assertThat(throttle.waitFor("operator", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("operator", "10.0.0.2")).as("the user, from anywhere").contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("auditor", "10.0.0.1")).as("the address, for any user").contains(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        throttle.failed("operator", "10.0.0.1");
        assertThat(throttle.waitFor("operator", "10.0.0.1")).contains(Duration.ofSeconds(2));
        for (int i = 7; i <= 10; i++) {
            clock.now = clock.now.plusSeconds(60);
            throttle.failed("operator", "10.0.0.1");
        }
        assertThat(throttle.waitFor("operator", "10.0.0.1")).contains(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("operator", "10.0.0.1")).as("the lock runs out").isEmpty();
        assertThat(meters.counter("medcom.login.failures").count()).isEqualTo(10);
    }

    @Test
    void aSuccessfulLoginResets() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("sender", "10.0.0.1");
        }
        throttle.succeeded("sender", "10.0.0.1");
        assertThat(throttle.waitFor("sender", "10.0.0.1")).isEmpty();
        throttle.failed("sender", "10.0.0.1");
        assertThat(throttle.waitFor("sender", "10.0.0.1")).isEmpty();
    }

    @Test
    void rememberesABoundedNumberOfCallers() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 10; i++) {
            throttle.failed("guess" + i, "10.0.0.1");
        }
        throttle.succeeded("nobody", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess0", "10.0.0.9");
        }
        assertThat(throttle.waitFor("guess0", "10.0.0.9")).isPresent();
    }

    @Test
    void aUserNameInTheLogIsCleanedAndCutShort() {
        assertThat(LoginThrottle.printable("op\nerator\u001b[31m")).isEqualTo("op?erator?[31m".replace("[", "?"));
        assertThat(LoginThrottle.printable("x".repeat(500))).hasSize(35);
    }
}
