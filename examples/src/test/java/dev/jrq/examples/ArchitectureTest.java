package dev.jrq.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of DESIGN.md, checked on the production classes of every module (this module's test
 * class path holds them all): only {@code core} touches Redisson and {@code core.internal}, and {@code api} needs
 * nothing but the JDK.
 */
class ArchitectureTest {
    private static JavaClasses jrq;

    @BeforeAll
    static void importJrqClasses() {
        jrq = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.jrq");
    }

    @Test
    void redisson_usedOutsideCore_never() {
        noClasses().that().resideOutsideOfPackage("dev.jrq.core..")
                .should().dependOnClassesThat().resideInAPackage("org.redisson..")
                .because("core owns the Redis layout; other modules go through JrqClient and WorkerStore")
                .check(jrq);
    }

    @Test
    void coreInternal_usedOutsideCore_never() {
        noClasses().that().resideOutsideOfPackage("dev.jrq.core..")
                .should().dependOnClassesThat().resideInAPackage("dev.jrq.core.internal..")
                .because("core's internal package is its implementation, free to change")
                .check(jrq);
    }

    @Test
    void api_dependencies_onlyJdkAndApi() {
        classes().that().resideInAPackage("dev.jrq.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.jrq.api..")
                .because("api is what handler authors compile against and has no runtime dependencies")
                .check(jrq);
    }
}
