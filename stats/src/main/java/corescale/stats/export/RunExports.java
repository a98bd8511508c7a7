package corescale.stats.export;

import corescale.stats.io.BadInputException;
import corescale.stats.io.AtomicFiles;
import corescale.stats.load.Configs;
import corescale.stats.load.LoadedInput;
import corescale.stats.load.Loader;
import corescale.stats.model.PointKey;
import corescale.stats.model.ResultsFile;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;
import corescale.stats.summary.ForkIterations;
import corescale.stats.summary.RunTraits;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run folder's jmh-result.json and bencher.json from its results.csv, read and summarised
 * as {@code report} reads and summarises it (one file of each per configuration in a run of several:
 * {@code jmh-result-<config>.json}, {@code bencher-<config>.json}). Every file is rendered first,
 * then all written as one set ({@link AtomicFiles#writeAll}): a run killed at any moment leaves whole
 * files, and a file that cannot be written leaves every one as it was.
 */
public final class RunExports {

    public static final String JMH_RESULT = "jmh-result";
    public static final String BENCHER = "bencher";

    private RunExports() {
    }

    /** {@code jmh-result.json}, or {@code jmh-result-<config>.json} in a run of several configurations. */
    public static String fileName(String base, String config, boolean several) {
        return several ? base + "-" + config.replaceAll("[^A-Za-z0-9._-]", "_") + ".json" : base + ".json";
    }

    /**
     * @param declared the configurations in run.json's order (empty for a plain run)
     * @return the files written
     */
    public static List<Path> write(Path runDir, List<String> declared, JmhContext context) throws BadInputException, IOException {
        List<LoadedInput> loaded = List.of(Loader.loadFile(runDir.resolve(ResultsFile.NAME)));
        // The points stopped at their target have that target as their interval, as in summary.csv.
        Map<String, RunTraits> traits = Map.of();
        if (RunFile.exists(runDir)) {
            RunFile run = RunFile.read(runDir);
            traits = Map.of(run.runId(), run.traits(PointsFile.read(runDir)));
        }
        List<String> configs = Configs.names(loaded, declared);
        boolean several = configs.size() > 1;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String config : configs) {
            List<LoadedInput> only = several ? Configs.only(loaded, config) : loaded;
            List<SummaryRow> rows = new Summarizer(traits).summarize(only);
            Map<PointKey, List<ForkIterations>> forks = ForkIterations.of(only);
            StringWriter jmh = new StringWriter();
            JmhResultJson.write(JmhResultJson.entries(config, several, rows, forks, context), jmh);
            files.put(runDir.resolve(fileName(JMH_RESULT, config, several)), jmh.toString().getBytes(StandardCharsets.UTF_8));
            StringWriter bencher = new StringWriter();
            BencherJson.write(BencherJson.of(config, several, rows), bencher);
            files.put(runDir.resolve(fileName(BENCHER, config, several)), bencher.toString().getBytes(StandardCharsets.UTF_8));
        }
        // One set: every configuration's files replaced, or none (a tool reads them side by side).
        return AtomicFiles.writeAll(files);
    }
}
