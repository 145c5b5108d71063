package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What an operator's monitoring sees: health with its parts, and Prometheus metrics per route and type. */
@GatewayIntegrationTest
class OperationsTests extends GatewayTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUpAndCoversBrokerDatabaseAndRoutes() {
        JsonNode health = as(http, OPERATOR).getForObject("/actuator/health", JsonNode.class);

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("journalStore").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theH2JournalLivesInItsConfiguredFolderSoItCanHaveAFileSystemOfItsOwn() {
        assertThat(DATA_DIR.resolve("journal-database").resolve("gateway.mv.db")).isRegularFile();
        assertThat(DATA_DIR.resolve("journal").resolve("gateway.mv.db")).doesNotExist();
        // and operations see its size (it only grows while the gateway runs)
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("medcom_journal_file_bytes\\{[^}]*\\} [1-9]");
    }

    @Test
    void theH2JournalFileIsSyncedWhileTheGatewayRuns() {
        // H2JournalSync runs every 250 ms in the running gateway, as the journal's own user
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> http.getForObject("/actuator/prometheus", String.class),
                        m -> m.matches("(?s).*medcom_journal_syncs_seconds_count\\{[^}]*\\} [1-9].*"));
    }

    @Test
    void prometheusCountsMessagesPerStageAndType() {
        String marker = uniqueEnvelopeId();
        drop("metrics.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker));
        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), marker);

        String metrics = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> http.getForObject("/actuator/prometheus", String.class),
                        m -> m.contains("medcom_messages_total{") && m.contains("stage=\"deliver\""));

        assertThat(metrics).containsPattern("medcom_messages_total\\{[^}]*stage=\"deliver\"[^}]*type=\"XDIS91\"");
        assertThat(metrics).contains("routeId=\"parse\"");
    }
}
