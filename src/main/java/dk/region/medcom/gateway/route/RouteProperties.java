package dk.region.medcom.gateway.route;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recipientsFile the recipient directory (YAML); {@code classpath:} or {@code file:}. The
 *                       default is the demo directory, whose location numbers are test data.
 * @param postcodesFile  postcode to kommunekode table (CSV); the default is a small sample
 */
@ConfigurationProperties("gateway.route")
public record RouteProperties(@DefaultValue("classpath:directory/demo-recipients.yaml") String recipientsFile,
                              @DefaultValue("classpath:directory/postcodes-sample.csv") String postcodesFile) {
}
