package io.pacer.store;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The store's packages by role depend on each other one way only: {@code db} and {@code error} at the bottom,
 * {@code journal} (the core's bridges) above the domain packages, {@link Storage} wiring them all on top.
 */
class StorePackagesTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pacer.store");

    @Test
    void packagesOfTheStoreFormNoCycle() {
        slices().matching("io.pacer.store.(**)").should().beFreeOfCycles().check(STORE);
    }

    @Test
    void onlyTheFacadeLivesInTheRootPackageAndNothingBelowDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.pacer.store")
                .should().dependOnClassesThat().resideInAPackage("io.pacer.store").check(STORE);
    }

    @Test
    void storageKnowsNothingOfHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.pacer.api..").check(STORE);
    }
}
