package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import dk.region.medcom.gateway.validate.rules.ValidationCode;
import dk.region.medcom.gateway.message.Finding;
import java.util.List;
import java.util.Optional;

/** The outcome of validating one message: what it is and everything found about it. */
public record ValidationReport(MessageKind kind, List<Finding> findings) {

    public ValidationReport {
        kind = kind == null ? MessageKind.UNKNOWN : kind;
        findings = List.copyOf(findings);
    }

    /** True when no finding is an ERROR (warnings and remarks do not stop a message). */
    public boolean valid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    /**
     * The MedCom refuse code for a negative receipt (NC, LOK, MID, VER or SYN), taken from the
     * first error; empty when the message is valid. Unreadable XML ({@code XML-...}) is SYN.
     */
    public Optional<String> refuseCode() {
        return errors().stream().findFirst().map(f -> f.ruleId().startsWith("XML-") ? "SYN"
                : ValidationCode.byRuleId(f.ruleId()).flatMap(ValidationCode::refuseCode).orElse("NC"));
    }
}
