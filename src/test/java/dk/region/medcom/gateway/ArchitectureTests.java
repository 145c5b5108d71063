package dk.region.medcom.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: packages that depend on each other one way only, and stages that do not
 * reach into the wiring ({@code system}), so a stage can be read, tested and changed on its own.
 */
class ArchitectureTests {

    private static JavaClasses gateway;

    @BeforeAll
    static void importTheGateway() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.region.medcom.gateway");
    }

    @Test
    void noTwoPackagesDependOnEachOtherEvenThroughOthers() {
        // each package is its own slice (parse and parse.xml too), the root package included
        slices().matching("dk.region.medcom.(**)").should().beFreeOfCycles().check(gateway);
    }

    @Test
    void noStageImportsTheWiring() {
        noClasses().that().resideOutsideOfPackage("dk.region.medcom.gateway.system..")
                .should().dependOnClassesThat().resideInAPackage("dk.region.medcom.gateway.system..")
                .because("system wires the stages together; a stage gets what it needs as beans and properties")
                .check(gateway);
    }
}
