package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/** The result of one translation: the output bytes (null when the input could not be translated) and every finding. */
public record Translation(byte[] output, List<Finding> findings) {

    public Translation {
        findings = List.copyOf(findings);
    }

    /** True when there is output and no finding is an error. */
    public boolean ok() {
        return output != null && findings.stream().noneMatch(Finding::isError);
    }
}
