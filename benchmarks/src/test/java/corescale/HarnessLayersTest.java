package corescale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks and the harness share one module (docs/design.md, "Layout"), so this keeps them
 * apart, on the compiled classes (those compiled for Java 22 included): the benchmark packages use
 * only {@code results} (the CPUs of an affinity), never the sweep, the command line, the topology,
 * the launcher or the statistics that drive and read them.
 */
class HarnessLayersTest {

    private static final JavaClasses BENCHMARKS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("corescale.benchmarks");

    @Test
    void benchmarkPackagesUseNothingOfTheHarness() {
        noClasses().that().resideInAPackage("corescale.benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage("corescale.sweep..", "corescale.cli..",
                        "corescale.topology..", "corescale.launcher..", "corescale.stats..")
                .check(BENCHMARKS);
    }
}
