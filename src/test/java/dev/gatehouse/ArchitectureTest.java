package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The logic/GUI split: the core never depends on JavaFX or on the ui package. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {
        "dev.gatehouse.app..", "dev.gatehouse.cluster..", "dev.gatehouse.tls..", "dev.gatehouse.routing..",
        "dev.gatehouse.proxy..", "dev.gatehouse.demo..", "dev.gatehouse.cli..", "dev.gatehouse.drafts..", "dev.gatehouse.session.."
    };

    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli..", "org.fxmisc..")
            .because("cluster, tls, routing, proxy, demo and cli run headless and are shared by GUI, CLI and proxy");

    @ArchTest
    static final ArchRule coreDoesNotUseUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.ui..")
            .because("the UI depends on the core, never the other way round");

    @ArchTest
    static final ArchRule onlyUiCallsRunLater = noClasses().that().resideOutsideOfPackage("dev.gatehouse.ui..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("only the UI layer hops onto the FX thread");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
            .because("a ViewModel holds properties and commands and never touches a Node");
}
