package io.pacer.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The services hold the workflows and know nothing of HTTP; the routes above them translate only. */
class ApiLayersTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pacer.api");

    @Test
    void servicesUseNoNettyNorHttpClasses() {
        noClasses().that().resideInAPackage("io.pacer.api.service..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.micrometer..")
                .orShould().dependOnClassesThat().resideInAPackage("io.pacer.api").check(API);
    }

    @Test
    void routesReachStorageOnlyThroughServices() {
        noClasses().that().haveSimpleNameEndingWith("Routes")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.pacer.store.Storage").check(API);
    }
}
