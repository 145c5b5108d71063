package dk.region.medcom.gateway.testing;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link MedcomConformance} tests only where MedCom's files are; says once that they were skipped. */
final class MedcomConformanceCondition implements ExecutionCondition {

    static final String SKIPPED = "MedCom conformance suite SKIPPED: " + MedcomConformance.ROOT
            + " not found (MedCom's vectors and XSDs are not part of the project; CI runs them)";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isDirectory(MedcomConformance.ROOT)) {
            return ConditionEvaluationResult.enabled("MedCom conformance files present");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.out.println("[WARNING] " + SKIPPED);
        }
        return ConditionEvaluationResult.disabled(SKIPPED);
    }
}
