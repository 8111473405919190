package io.pacer.launcher.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's arrows, checked on the classes of every module at once (the launcher sees them all). The
 * poms already keep whole modules apart (maven-enforcer); these rules hold the package-level lines inside them
 * that a pom cannot see: the core never reaches an adapter's package, the SIP legs stand on the stack and not
 * on the adapter that assembles them, and no package of Pacer takes part in a cycle.
 */
class ModuleGraphTest {

    private static JavaClasses pacer;

    @BeforeAll
    static void importPacer() {
        // Main classes only: the test fixtures that other modules share come in test jars.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        pacer = new ClassFileImporter().withImportOption(mainOnly).importPackages("io.pacer");
    }

    @Test
    void pacingIsPureMaths() {
        noClasses().that().resideInAPackage("io.pacer.pacing..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.pacer.pacing..", "java..")
                .check(pacer);
    }

    @Test
    void detectionIsPureSignalProcessing() {
        noClasses().that().resideInAPackage("io.pacer.detect..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.pacer.detect..", "java..")
                .check(pacer);
    }

    @Test
    void theCoreKnowsOnlyPacingAndItsOwnLibraries() {
        noClasses().that().resideInAPackage("io.pacer.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pacer.store..", "io.pacer.api..",
                        "io.pacer.sip..", "io.pacer.simulator..", "io.pacer.loopback..", "io.pacer.launcher..",
                        "java.sql..", "io.netty..", "com.fasterxml..", "javax.sip..")
                .check(pacer);
    }

    @Test
    void theCarrierLegReachesAgentsOnlyThroughItsOwnInterface() {
        // The trunk leg declares what it needs of agents (trunk.AgentPhones); the agent leg implements it.
        noClasses().that().resideInAPackage("io.pacer.sip.trunk..")
                .should().dependOnClassesThat().resideInAPackage("io.pacer.sip.agent..")
                .check(pacer);
    }

    @Test
    void theLegsStandOnTheStackNotOnTheAdapterThatAssemblesThem() {
        noClasses().that().resideInAnyPackage("io.pacer.sip.trunk..", "io.pacer.sip.agent..", "io.pacer.sip.media..",
                        "io.pacer.sip.stack..")
                .should().dependOnClassesThat().resideInAPackage("io.pacer.sip")
                .check(pacer);
    }

    @Test
    void onlyTheLauncherWiresPacer() {
        noClasses().that().resideOutsideOfPackages("io.pacer.launcher..", "io.pacer.benchmarks..")
                .should().dependOnClassesThat().resideInAPackage("io.pacer.launcher..")
                .check(pacer);
    }

    @Test
    void noPackageOfPacerIsInACycle() {
        slices().matching("io.pacer.(**)").should().beFreeOfCycles().check(pacer);
    }
}
