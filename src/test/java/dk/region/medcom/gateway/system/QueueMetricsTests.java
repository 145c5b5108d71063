package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * What Prometheus scrapes about the queues (monitor/GatewayProbe): each medcom.* queue's depth and
 * the age of its oldest message, read from the embedded broker, and whether broker and journal answer.
 */
@GatewayIntegrationTest
class QueueMetricsTests extends GatewayTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JmsTemplate jms;

    @Test
    void aQueuesDepthAndItsOldestMessagesAgeAreScraped() {
        // a queue nobody consumes: its messages stay until the test ends
        String queue = "medcom.test-waiting." + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            jms.convertAndSend(queue, "waiting " + i);
        }

        String metrics = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.getForObject("/actuator/prometheus", String.class),
                        m -> value(m, "medcom_queue_oldest_age_seconds", queue) >= 1.0);

        assertThat(value(metrics, "medcom_queue_messages", queue)).isEqualTo(3.0);
        assertThat(value(metrics, "medcom_queue_oldest_age_seconds", queue)).isLessThan(60.0);
        // the inbound queue is measured too, and both parts answered
        assertThat(value(metrics, "medcom_queue_messages", "medcom.inbound")).isGreaterThanOrEqualTo(0.0);
        assertThat(metrics).containsPattern("(?m)^medcom_broker_up\\{[^}]*\\} 1\\.0$")
                .containsPattern("(?m)^medcom_journal_up\\{[^}]*\\} 1\\.0$");
    }

    @Test
    void anEmptyQueueHasNoOldestMessage() {
        String queue = "medcom.test-emptied." + System.nanoTime();
        jms.convertAndSend(queue, "taken");
        jms.setReceiveTimeout(5000);
        assertThat(jms.receive(queue)).isNotNull();

        String metrics = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.getForObject("/actuator/prometheus", String.class),
                        m -> !Double.isNaN(value(m, "medcom_queue_messages", queue)));

        assertThat(value(metrics, "medcom_queue_messages", queue)).isZero();
        assertThat(value(metrics, "medcom_queue_oldest_age_seconds", queue)).isZero();
    }

    private static double value(String metrics, String name, String queue) {
        return sampleValue(metrics, name, "queue", queue);
    }
}
