package dev.gatehouse.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The cluster layer stays free of JavaFX: the UI adapts its listeners on the FX thread. */
class ClusterLayerRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gatehouse.cluster");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(classes);
    }

    @Test
    void noOtherGatehouseLayers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.ui..", "dev.gatehouse.app..")
                .check(classes);
    }
}
