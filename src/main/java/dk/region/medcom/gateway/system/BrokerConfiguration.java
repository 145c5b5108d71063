package dk.region.medcom.gateway.system;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The broker client, and redelivery for the embedded broker. A message whose processing fails (database or recipient
 * down) is redelivered with growing delays; after the last attempt it goes to {@code medcom.dead}
 * instead of being dropped, which is what Artemis does when no dead-letter address is set.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    static final String DEAD_LETTER_ADDRESS = "medcom.dead";

    @Bean
    ArtemisConfigurationCustomizer medcomAddressSettings() {
        return configuration -> configuration.addAddressSetting("medcom.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000));
    }

    /**
     * Camel resolves a queue by name on every send, and the Artemis client asks the broker whether
     * that queue exists each time (a blocking round trip, two per message) unless it caches the
     * answers. Queues are never deleted under a running gateway, so the cache is safe.
     */
    @Bean
    static BeanPostProcessor cachedBrokerDestinations() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                Object factory = bean instanceof CachingConnectionFactory caching
                        ? caching.getTargetConnectionFactory() : bean;
                if (factory instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                }
                return bean;
            }
        };
    }
}
