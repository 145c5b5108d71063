package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the validate stage ({@code gateway.validate.*}); a missing value takes its default.
 *
 * @param schemaPacks          extra schema folders (e.g. MedCom's own XSDs); later ones win for the namespaces they define
 * @param schemasDir           the gateway's own schemas, shipped beside the jar (default {@code schemas})
 * @param maxMessageBytes      larger messages are refused unread (default 10 MB)
 * @param glnCheckSeverity     how a wrong location-number check digit is reported (default WARNING:
 *                             real MedCom test data contains numbers that fail it)
 * @param futureDateTolerance  how far in the future a date may lie, for clock skew (default one day)
 */
@ConfigurationProperties("gateway.validate")
public record ValidateProperties(List<Path> schemaPacks, Path schemasDir, long maxMessageBytes,
                                 Severity glnCheckSeverity, Duration futureDateTolerance) {

    public ValidateProperties {
        schemaPacks = schemaPacks == null ? List.of() : List.copyOf(schemaPacks);
        schemasDir = schemasDir == null ? Path.of("schemas") : schemasDir;
        maxMessageBytes = maxMessageBytes <= 0 ? SafeXmlParser.DEFAULT_MAX_BYTES : maxMessageBytes;
        glnCheckSeverity = glnCheckSeverity == null ? Severity.WARNING : glnCheckSeverity;
        futureDateTolerance = futureDateTolerance == null ? Duration.ofDays(1) : futureDateTolerance;
    }

    public static ValidateProperties defaults() {
        return new ValidateProperties(null, null, 0, null, null);
    }

    public ValidateProperties withSchemasDir(Path dir) {
        return new ValidateProperties(schemaPacks, dir, maxMessageBytes, glnCheckSeverity, futureDateTolerance);
    }
}
