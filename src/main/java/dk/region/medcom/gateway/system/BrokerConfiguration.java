package dk.region.medcom.gateway.system;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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

    /**
     * How the embedded broker redelivers what a route rolled back (gateway.pipeline.redelivery in
     * application.yaml; a standalone broker takes config/artemis/medcom-address-settings.xml).
     */
    @ConfigurationProperties("gateway.pipeline.redelivery")
    record Redelivery(@DefaultValue("10") int maxDeliveryAttempts, @DefaultValue("1000") long initialDelayMs,
                      @DefaultValue("2.0") double multiplier, @DefaultValue("60000") long maxDelayMs) {
    }

    @Bean
    ArtemisConfigurationCustomizer medcomAddressSettings(Redelivery redelivery) {
        return configuration -> configuration.addAddressSetting("medcom.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(redelivery.maxDeliveryAttempts())
                .setRedeliveryDelay(redelivery.initialDelayMs())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelayMs()));
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
