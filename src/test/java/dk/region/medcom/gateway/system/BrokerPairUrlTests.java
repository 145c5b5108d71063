package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import java.util.Arrays;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The broker client the gateway builds (Spring Boot's Artemis auto-configuration and
 * BrokerConfiguration) from the README's URL for an Artemis primary/backup pair: both brokers
 * known, HA on (the client follows the pair's topology to the backup), and it never gives up.
 */
class BrokerPairUrlTests {

    static final String PAIR_URL = "(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true&reconnectAttempts=-1"
            + "&initialConnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2.0&maxRetryInterval=10000";

    @Test
    void thePairUrlBuildsAnHaConnectionFactoryThatKnowsBothBrokers() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ArtemisAutoConfiguration.class, JmsAutoConfiguration.class))
                .withUserConfiguration(BrokerConfiguration.class)
                .withBean(BrokerConfiguration.Redelivery.class, () -> new BrokerConfiguration.Redelivery(10, 1000, 2.0, 60000))
                .withPropertyValues("spring.artemis.mode=native", "spring.artemis.embedded.enabled=false",
                        "spring.artemis.broker-url=" + PAIR_URL, "spring.artemis.user=gateway",
                        "spring.artemis.password=secret")
                .run(context -> {
                    ConnectionFactory bean = context.getBean(ConnectionFactory.class);
                    ConnectionFactory target = bean instanceof CachingConnectionFactory caching
                            ? caching.getTargetConnectionFactory() : bean;
                    assertThat(target).isInstanceOf(ActiveMQConnectionFactory.class);
                    ActiveMQConnectionFactory artemis = (ActiveMQConnectionFactory) target;
                    ServerLocator locator = artemis.getServerLocator();
                    assertThat(locator.isHA()).isTrue();
                    assertThat(Arrays.stream(locator.getStaticTransportConfigurations())
                            .map(TransportConfiguration::getParams).map(p -> p.get("port")))
                            .map(String::valueOf).containsExactly("61616", "61617");
                    assertThat(locator.getReconnectAttempts()).isEqualTo(-1);
                    assertThat(locator.getInitialConnectAttempts()).isEqualTo(-1);
                    assertThat(locator.getRetryInterval()).isEqualTo(500);
                    assertThat(locator.getMaxRetryInterval()).isEqualTo(10000);
                    assertThat(artemis.getUser()).isEqualTo("gateway");
                    // the gateway's own setting survives the URL
                    assertThat(artemis.isCacheDestinations()).isTrue();
                });
    }
}
