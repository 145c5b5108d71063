package dk.region.medcom.gateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that reads MedCom's own conformance material (test vectors and XSDs) in
 * place from {@code ../shared/conformance}. A user's clone has no such folder: the test is then
 * skipped with one clear line instead of failing. CI has it, and {@code .ci/run} checks these tests ran.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MedcomConformanceCondition.class)
public @interface MedcomConformance {

    /** Where MedCom's conformance material is read from, relative to the project folder. */
    Path ROOT = Paths.get("..", "shared", "conformance");
}
