package dev.signpost;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of ARCHITECTURE.md: the core knows nothing of JavaFX or of its front-ends. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.signpost");
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideInAPackage("dev.signpost.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnFrontEnds() {
        noClasses().that().resideInAPackage("dev.signpost.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.signpost.ui..", "dev.signpost.cli..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotDependOnTheWizard() {
        noClasses().that().resideInAPackage("dev.signpost.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.signpost.ui..", "javafx..")
                .check(classes);
    }

    /** ARCHITECTURE.md's network seam: every DNS query and TLS connection leaves through core.net. */
    @Test
    void onlyTheNetworkSeamSpeaksDnsAndTls() {
        noClasses().that().resideOutsideOfPackage("dev.signpost.core.net..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xbill..", "javax.net.ssl..")
                .check(classes);
    }

    @Test
    void onlyDeploymentSpeaksSsh() {
        noClasses().that().resideOutsideOfPackage("dev.signpost.core.deploy..")
                .should().dependOnClassesThat().resideInAPackage("com.jcraft..")
                .check(classes);
    }

    /**
     * Every package is its own slice, so a cycle between two packages of one front-end (the wizard's shell, its
     * steps and its step host) fails as surely as one between the core and a front-end.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.signpost.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The wizard's step pages build on the shared widgets and the step host, never on the window that holds them. */
    @Test
    void stepsAndHostDoNotDependOnTheWizardShell() {
        noClasses().that().resideInAnyPackage("dev.signpost.ui.steps..", "dev.signpost.ui.host..",
                        "dev.signpost.ui.chain..", "dev.signpost.ui.widgets..")
                .should().dependOnClassesThat().resideInAPackage("dev.signpost.ui")
                .check(classes);
    }
}
