package dk.region.medcom.gateway.route;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recipientsFile the recipient directory (YAML); {@code classpath:} or a file path. The default
 *                       is the demo directory, whose location numbers are test data.
 */
@ConfigurationProperties("gateway.route")
public record RouteProperties(@DefaultValue("classpath:directory/demo-recipients.yaml") String recipientsFile) {
}
