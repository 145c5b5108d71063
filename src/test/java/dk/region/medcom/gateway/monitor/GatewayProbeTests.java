package dk.region.medcom.gateway.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A broker that does not answer reads as down, in the dashboard and in the metrics, even when the
 * client would wait for it for ever (the production URL's reconnect settings), and no reading waits
 * longer than a few seconds for it. The real Artemis client against a port nobody listens on.
 */
class GatewayProbeTests {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private JdbcClient journal;

    @BeforeEach
    void journal() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:probe-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        journal = JdbcClient.create(database);
        journal.sql("create table message (tracking_id varchar(36))").update();
    }

    @Test
    void aBrokerTheClientWaitsForForEverReadsAsDownWithinSeconds() throws Exception {
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + closedPort() + "?initialConnectAttempts=-1&retryInterval=100");
        GatewayProbe probe = new GatewayProbe(broker, journal, meters, Clock.systemUTC());
        try {
            long started = System.nanoTime();
            GatewayProbe.Reading reading = probe.refresh();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(reading.brokerAnswered()).isFalse();
            assertThat(reading.problems()).containsExactly("broker: no answer within 4 s");
            assertThat(reading.journalAnswered()).isTrue();
            assertThat(meters.get("medcom.broker.up").gauge().value()).isZero();
            assertThat(meters.get("medcom.journal.up").gauge().value()).isEqualTo(1.0);
            // the next reading does not start a second connection attempt beside the waiting one
            assertThat(probe.refresh().problems()).containsExactly("broker: no answer within 4 s");
        } finally {
            probe.stop();
            broker.close();
        }
    }

    @Test
    void aBrokerThatRefusesReadsAsDownWithTheReason() throws Exception {
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closedPort());
        GatewayProbe probe = new GatewayProbe(broker, journal, meters, Clock.systemUTC());
        try {
            GatewayProbe.Reading reading = probe.refresh();

            assertThat(reading.brokerAnswered()).isFalse();
            assertThat(reading.problems()).singleElement().asString().startsWith("broker: JMS");
            assertThat(meters.get("medcom.broker.up").gauge().value()).isZero();
        } finally {
            probe.stop();
            broker.close();
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
