package dev.gatehouse.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine, certificate reading and the CLI run headless: no JavaFX. */
class RoutingArchitectureTest {

    /** Only the compiled main classes of these packages (scanning the whole class path is slow). */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPaths(
            Path.of("target/classes/dev/gatehouse/routing"), Path.of("target/classes/dev/gatehouse/tls"),
            Path.of("target/classes/dev/gatehouse/cli"));

    @Test
    void theClassesWereFound() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("dev.gatehouse.routing.RoutingEngine")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("dev.gatehouse.cli.LintCommand")).isTrue();
    }

    @Test
    void noJavaFxInEngineTlsOrCli() {
        noClasses().that().resideInAnyPackage("dev.gatehouse.routing..", "dev.gatehouse.tls..", "dev.gatehouse.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void tlsReadingDoesNotDependOnRouting() {
        noClasses().that().resideInAPackage("dev.gatehouse.tls..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.routing..", "dev.gatehouse.cli..")
                .check(CLASSES);
    }

    @Test
    void engineDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("dev.gatehouse.routing..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.cli..")
                .check(CLASSES);
    }
}
