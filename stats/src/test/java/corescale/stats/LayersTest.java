package corescale.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering, on its compiled classes (docs/design.md, "Packages"): the packages below the
 * commands form no cycle, the analysis packages know nothing of how their results are shown, and
 * {@code report/} only renders what they computed.
 */
class LayersTest {

    private static final JavaClasses STATS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("corescale.stats");

    private static final String[] ANALYSIS = {"..stats.summary..", "..stats.scaling..", "..stats.bounds..",
        "..stats.compare..", "..stats.contention..", "..stats.ranking..", "..stats.answers..", "..stats.run..",
        "..stats.fleet..", "..stats.load..", "..stats.model..", "..stats.io.."};

    @Test
    void thePackagesBelowTheCommandsFormNoCycle() {
        slices().matching("corescale.stats.(*)..").should().beFreeOfCycles().check(STATS);
    }

    @Test
    void theAnalysisPackagesDoNotDependOnTheReportOrTheFiles() {
        noClasses().that().resideInAnyPackage(ANALYSIS)
                .should().dependOnClassesThat().resideInAnyPackage("..stats.report..", "..stats.export..")
                .check(STATS);
    }

    @Test
    void theReportComputesNoStatisticAndReadsNoFile() {
        noClasses().that().resideInAPackage("..stats.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..", "..stats.load..",
                        "de.siegmar.fastcsv..")
                .check(STATS);
    }
}
