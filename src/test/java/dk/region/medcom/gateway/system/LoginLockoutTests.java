package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Password guessing over HTTP is slowed, then locked out, counted, and forgiven by a good login. */
@GatewayIntegrationTest
class LoginLockoutTests {

    /** A context of its own (other login settings), so a data folder of its own: one broker per folder. */
    static final java.nio.file.Path DATA_DIR = java.nio.file.Path.of("target", "it-data",
            java.util.UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void quickLockout(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", DATA_DIR::toString);
        registry.add("server.port", () -> "0");
        registry.add("gateway.route.recipients-file", () -> TestRecipients.directoryFile(DATA_DIR));
        registry.add("gateway.login.delay-after", () -> "3");
        registry.add("gateway.login.first-delay", () -> "300ms");
        registry.add("gateway.login.lock-after", () -> "4");
        registry.add("gateway.login.lock-for", () -> "3s");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MeterRegistry meters;

    @Test
    void repeatedWrongPasswordsAreDelayedThenLockedAndCounted() {
        double before = meters.counter("medcom.login.failures").count();
        for (int i = 0; i < 3; i++) {
            assertThat(status(http.withBasicAuth("operator", "guess" + i))).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> delayed = http.withBasicAuth("operator", "guess3").getForEntity("/api/messages", String.class);
        assertThat(delayed.getStatusCode()).as("too soon after the third failure").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(delayed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        await().atMost(Duration.ofSeconds(5)).until(() -> status(http.withBasicAuth("operator", "guess4"))
                == HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> locked = http.withBasicAuth("operator", "demo-operator").getForEntity("/api/messages", String.class);
        assertThat(locked.getStatusCode()).as("locked: even the right password").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 3);
        assertThat(meters.counter("medcom.login.failures").count() - before).isEqualTo(4);

        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(http.withBasicAuth("operator", "demo-operator")) == HttpStatus.OK);
        assertThat(status(http.withBasicAuth("operator", "guess5"))).as("a fresh start after a good login")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(http.withBasicAuth("operator", "demo-operator"))).isEqualTo(HttpStatus.OK);
    }

    private static HttpStatus status(TestRestTemplate caller) {
        return HttpStatus.valueOf(caller.getForEntity("/api/messages", String.class).getStatusCode().value());
    }
}
