package dev.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the code's shape: the core never depends on JavaFX or on the ui package, no package
 * cycles, the proxy does not know the demo, ui screens do not know each other (CONTRIBUTING.md).
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {
        "dev.gatehouse.app..", "dev.gatehouse.input..", "dev.gatehouse.cluster..", "dev.gatehouse.tls..",
        "dev.gatehouse.routing..", "dev.gatehouse.proxy..", "dev.gatehouse.demo..", "dev.gatehouse.cli..",
        "dev.gatehouse.drafts..", "dev.gatehouse.session..", "dev.gatehouse.certmanager..", "dev.gatehouse.fleet..",
        "dev.gatehouse.probe..", "dev.gatehouse.migrate.."
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

    /** Every package of dev.gatehouse is its own slice (the routing sub-packages too). */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("dev.gatehouse") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of dev.gatehouse";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles()
            .because("every package is a slice: a cycle means two packages can only be understood together");

    @ArchTest
    static final ArchRule proxyDoesNotUseDemo = noClasses().that().resideInAPackage("dev.gatehouse.proxy..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.demo..")
            .because("the proxy serves any cluster; the demo plugs into it, not the other way round");

    @ArchTest
    static final ArchRule uiFeaturesAreIndependent = slices().matching("dev.gatehouse.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("dev.gatehouse.ui.."),
                    JavaClass.Predicates.resideInAPackage("dev.gatehouse.ui.common.."))
            .because("a screen's package stands alone; what several screens share lives in ui.common");

    @ArchTest
    static final ArchRule uiCommonUsesNoFeature = noClasses().that().resideInAPackage("dev.gatehouse.ui.common..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.gatehouse.ui..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("dev.gatehouse.ui.common..")))
            .because("shared pieces do not know the screens or the wiring that use them");

    /** docs/architecture.md names every package with its job, so a new package comes with its line there. */
    @ArchTest
    static void everyPackageIsNamedInTheArchitectureDoc(JavaClasses classes) {
        String doc;
        try {
            doc = Files.readString(Path.of("docs/architecture.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).isNotEmpty().allSatisfy(pkg -> assertThat(doc).as("docs/architecture.md names %s", pkg)
                .contains("`" + (pkg.equals("dev.gatehouse") ? pkg : pkg.substring("dev.gatehouse.".length())) + "`"));
    }
}
