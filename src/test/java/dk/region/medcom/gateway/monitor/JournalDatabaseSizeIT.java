package dk.region.medcom.gateway.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import dk.region.medcom.gateway.testing.BenchPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL journal's size is a metric ({@code medcom_journal_database_bytes}, the alert
 * MedcomJournalLarge), and it grows with the journal. A real PostgreSQL server on loopback
 * (bench/postgres.sh, as JournalIndexPlansIT); the embedded H2 journal has no such gauge
 * (MonitoringFilesTests scrapes that one).
 */
class JournalDatabaseSizeIT {

    @Test
    void aPostgresJournalsSizeIsMeasured() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closedPort());
             BenchPostgres postgres = BenchPostgres.start("size")) {
            JdbcClient journal = JdbcClient.create(postgres.database());
            GatewayProbe probe = new GatewayProbe(broker, journal, meters, Clock.systemUTC());
            try {
                assertThat(probe.refresh().journalAnswered()).isTrue();
                double before = meters.get("medcom.journal.database").gauge().value();
                assertThat(before).isGreaterThan(1_000_000); // an empty PostgreSQL database is some 7 MB

                journal.sql("create table filler as select repeat('x', 1000) as text from generate_series(1, 20000)").update();
                probe.refresh();

                assertThat(meters.get("medcom.journal.database").gauge().value()).isGreaterThan(before + 10_000_000);
                // the name the alert rules use (MonitoringFilesTests scrapes an H2 gateway, which has not this one)
                assertThat(meters.scrape()).containsPattern("(?m)^medcom_journal_database_bytes\\{?[^ ]* \\d");
            } finally {
                probe.stop();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
