package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The alert rules (config/prometheus) and the Grafana dashboard (config/grafana) name only metrics
 * that a running gateway exports, so a renamed metric cannot leave an alert that never fires.
 * (promtool checks the rules' syntax and behaviour: .ci/run.)
 */
@GatewayIntegrationTest
class MonitoringFilesTests extends GatewayTestSupport {

    static final Path RULES = Path.of("config/prometheus/medcom-gateway-rules.yaml");
    static final Path DASHBOARD = Path.of("config/grafana/medcom-gateway.json");
    /** A metric name in a PromQL expression (Prometheus' own {@code up} is not the gateway's). */
    private static final Pattern METRIC = Pattern.compile("\\b((?:medcom|camel|jvm|process|hikaricp|http_server)_[a-z0-9_]+)");

    /** Exported only with a PostgreSQL journal (this gateway's is H2): JournalDatabaseSizeIT scrapes it. */
    private static final Set<String> POSTGRES_ONLY = Set.of("medcom_journal_database_bytes");

    @Autowired
    TestRestTemplate http;

    @Test
    void everyMetricTheAlertRulesUseIsExported() throws IOException {
        Set<String> used = metricsIn(Files.readString(RULES));

        assertThat(used).contains("medcom_dead_letters_total", "medcom_messages_unacknowledged", "medcom_queue_messages",
                "medcom_queue_oldest_age_seconds", "medcom_journal_file_bytes", "medcom_broker_up", "medcom_journal_up");
        assertThat(exported()).containsAll(without(used, POSTGRES_ONLY));
        assertThat(used).containsAll(POSTGRES_ONLY);
    }

    @Test
    void everyMetricTheDashboardUsesIsExported() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        String expressions = dashboard.findValuesAsText("expr").stream().collect(Collectors.joining("\n"))
                + "\n" + dashboard.findValuesAsText("query").stream().collect(Collectors.joining("\n"));

        Set<String> used = metricsIn(expressions);
        assertThat(used).hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported()).containsAll(without(used, POSTGRES_ONLY));
    }

    @Test
    void aMisspelledMetricWouldBeCaught() {
        assertThat(exported()).doesNotContain("medcom_queue_depth").contains("medcom_queue_messages");
    }

    private static Set<String> without(Set<String> names, Set<String> left) {
        Set<String> rest = new TreeSet<>(names);
        rest.removeAll(left);
        return rest;
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    /**
     * The sample names of one scrape, once a letter has passed (the per-stage counters exist from
     * the first message on) and the queues have been read (GatewayProbe, soon after start).
     */
    private Set<String> exported() {
        String marker = uniqueEnvelopeId();
        drop("monitoring.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker));
        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), marker);
        String scrape = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> http.getForObject("/actuator/prometheus", String.class),
                        text -> text.contains("medcom_queue_messages{"));
        return scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }
}
