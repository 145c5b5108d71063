package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.deliver.DeliveryRoutes;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsConsumer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.listener.AbstractMessageListenerContainer;

/**
 * The broker transactions the pipeline relies on: a queue consumer takes a message and puts its
 * result on the next queue in one transaction, so a failure after the send takes the send back
 * (only duplicate detection would otherwise stop a second delivery after a crash).
 */
@GatewayIntegrationTest
class BrokerTransactionTests {

    /** The consumer parameters routes/*.yaml use for their transacted consumers. */
    private static final String TRANSACTED = "transacted=true&lazyCreateTransactionManager=false&exposeListenerSession=true";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConsumerTemplate consumer;
    @Autowired
    DeliveryRoutes deliveryRoutes;
    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;

    @Test
    void theBrokerClientCachesQueuesSoASendIsOneRoundTrip() {
        Object target = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        assertThat(target).isInstanceOfSatisfying(ActiveMQConnectionFactory.class,
                artemis -> assertThat(artemis.isCacheDestinations()).isTrue());
    }

    @Test
    void aSendInATransactedConsumerIsTakenBackWhenTheRouteFailsAfterIt() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:test.tx.in?" + TRANSACTED).routeId("test-tx")
                        .to("jms:queue:test.tx.out")
                        .filter(body().isEqualTo("fail"))
                        .throwException(new IllegalStateException("fails after the send"));
            }
        });
        try {
            producer.sendBody("jms:queue:test.tx.in", "fail");
            producer.sendBody("jms:queue:test.tx.in", "pass");

            assertThat(consumer.receiveBody("jms:queue:test.tx.out", 10_000, String.class)).isEqualTo("pass");
            // "fail" is redelivered and fails until the broker gives up; none of its sends may stay
            List<String> more = new ArrayList<>();
            for (String body; (body = consumer.receiveBody("jms:queue:test.tx.out", 3_000, String.class)) != null; ) {
                more.add(body);
            }
            assertThat(more).isEmpty();
        } finally {
            camel.getRouteController().stopRoute("test-tx");
            camel.removeRoute("test-tx");
        }
    }

    @Test
    void everyTransactedPipelineConsumerHasItsSendsInItsTransaction() throws Exception {
        deliveryRoutes.ensureRoute("5790001000011");
        List<String> transacted = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof JmsConsumer jms && ((JmsEndpoint) jms.getEndpoint()).isTransacted()) {
                AbstractMessageListenerContainer container = jms.getListenerContainer();
                assertThat(container.isSessionTransacted()).as(route.getRouteId()).isTrue();
                assertThat(container.isExposeListenerSession()).as(route.getRouteId()).isTrue();
                transacted.add(route.getRouteId());
            }
        }
        assertThat(transacted).contains("parse", "dead-letter", "deliver-5790001000011");
    }
}
