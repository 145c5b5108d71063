package dk.region.medcom.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: packages that depend on each other one way only, stages that do not
 * reach into the wiring ({@code system}), so a stage can be read, tested and changed on its own,
 * and a core of MedCom knowledge (the message model, EDIFACT and XML reading, business rules,
 * translation) that runs without Spring or Camel, so a command-line tool, a benchmark or a test
 * can use it as it is.
 */
class ArchitectureTests {

    /** The Camel-free, Spring-free core. */
    static final String[] CORE = {"dk.region.medcom.gateway.message..", "dk.region.medcom.gateway.parse.edifact..",
            "dk.region.medcom.gateway.parse.xml..", "dk.region.medcom.gateway.validate.rules..",
            "dk.region.medcom.gateway.translate.."};

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

    @Test
    void theCoreNeedsNeitherSpringNorCamel() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .because("the MedCom core is plain Java: the stages adapt it to Spring and Camel")
                .check(gateway);
    }

    @Test
    void theCoreDependsOnNoStage() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat(resideInAPackage("dk.region.medcom.gateway..")
                        .and(not(resideInAnyPackage(CORE))))
                .because("stages build on the core, never the other way round")
                .check(gateway);
    }
}
