package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker settings the project ships for a standalone Artemis (config/artemis/) are the ones the
 * embedded broker gets, read the way a standalone broker reads them: included into a broker.xml.
 */
class StandaloneBrokerSettingsTests {

    static final Path FRAGMENT = Path.of("config/artemis/medcom-address-settings.xml").toAbsolutePath();

    @TempDir
    Path etc;

    @Test
    void aBrokerXmlIncludingTheShippedFragmentGetsTheEmbeddedBrokersAddressSettings() throws Exception {
        Path brokerXml = etc.resolve("broker.xml");
        Files.writeString(brokerXml, """
                <configuration xmlns="urn:activemq" xmlns:xi="http://www.w3.org/2001/XInclude">
                  <core xmlns="urn:activemq:core">
                    <address-settings>
                      <address-setting match="#"><redelivery-delay>0</redelivery-delay></address-setting>
                      <xi:include href="%s"/>
                    </address-settings>
                  </core>
                </configuration>
                """.formatted(FRAGMENT.toUri()));
        FileConfiguration standalone = new FileConfiguration();
        new FileDeploymentManager(brokerXml.toUri().toString()).addDeployable(standalone).readConfiguration();

        ConfigurationImpl embedded = new ConfigurationImpl();
        new BrokerConfiguration().medcomAddressSettings(redelivery(Map.of())).customize(embedded);

        AddressSettings expected = embedded.getAddressSettings().get("medcom.#");
        AddressSettings shipped = standalone.getAddressSettings().get("medcom.#");
        assertThat(expected).as("the embedded broker's settings").isNotNull();
        assertThat(shipped).as("the shipped fragment, included").isNotNull();
        assertThat(String.valueOf(shipped.getDeadLetterAddress())).isEqualTo(String.valueOf(expected.getDeadLetterAddress()));
        assertThat(shipped.isAutoCreateDeadLetterResources()).isEqualTo(expected.isAutoCreateDeadLetterResources());
        assertThat(shipped.getMaxDeliveryAttempts()).isEqualTo(expected.getMaxDeliveryAttempts());
        assertThat(shipped.getRedeliveryDelay()).isEqualTo(expected.getRedeliveryDelay());
        assertThat(shipped.getRedeliveryMultiplier()).isEqualTo(expected.getRedeliveryMultiplier());
        assertThat(shipped.getMaxRedeliveryDelay()).isEqualTo(expected.getMaxRedeliveryDelay());
        assertThat(shipped).as("nothing more, nothing less").isEqualTo(expected);
    }

    @Test
    void theEmbeddedBrokersRedeliveryIsSetInTheGatewaysProperties() {
        ConfigurationImpl embedded = new ConfigurationImpl();
        new BrokerConfiguration().medcomAddressSettings(redelivery(Map.of(
                "gateway.pipeline.redelivery.max-delivery-attempts", "3",
                "gateway.pipeline.redelivery.max-delay-ms", "5000"))).customize(embedded);

        AddressSettings settings = embedded.getAddressSettings().get("medcom.#");
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(3);
        assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(5000);
        assertThat(settings.getRedeliveryDelay()).isEqualTo(1000);
    }

    private static BrokerConfiguration.Redelivery redelivery(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gateway.pipeline.redelivery", BrokerConfiguration.Redelivery.class);
    }
}
