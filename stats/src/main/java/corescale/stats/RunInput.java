package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.compare.RunData;
import corescale.stats.load.Configs;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.load.Loader;
import corescale.stats.report.RunFacts;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.summary.RunTraits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One input of {@code report} or {@code compare} as read: its files, the run.json of its folder
 * (null when there is none; one that is not a run.json is bad input), what its points.csv says (the
 * points flagged for steal, the targets points stopped at), and the configurations its rows hold ({@code [""]} for a plain run;
 * run.json's order, the baseline first).
 */
record RunInput(Path path, List<LoadedInput> loaded, RunFile runFile, PointsFile.Contents points, List<String> configs) {

    /** Loads {@code path} (a run folder or a result file), saying on {@code out} what each file was read as. */
    static RunInput load(Path path, PrintStream out) throws BadInputException, IOException {
        List<LoadedInput> loaded = Loader.load(path);
        loaded.forEach(l -> out.println(l.describe()));
        Path dir = folder(path);
        RunFile runFile = RunFile.exists(dir) ? RunFile.read(dir) : null;
        if (runFile == null && loaded.stream().anyMatch(l -> l.format() == Format.RESULTS_CSV)) {
            // What run.json holds changes the numbers: said where they are read, not only in the report's facts.
            out.println("note: no run.json in " + dir + ": variants are not paired by round and the machine's drift "
                    + "is unknown, so ratios and verdicts are those of forks alone");
        }
        List<String> declared = runFile == null ? List.of() : runFile.configs().stream().map(RunConfig::name).toList();
        return new RunInput(path, loaded, runFile, PointsFile.read(dir), Configs.names(loaded, declared));
    }

    /** The folder an input stands for: itself, or the folder of a result file. */
    static Path folder(Path input) {
        Path p = input.toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : p.getParent();
    }

    /** The run's machine and facts for a report, from its run.json and points.csv; empty for JMH's files. */
    Optional<RunFacts> facts() {
        return runFile == null ? Optional.empty() : Optional.of(RunFacts.of(runFile, points.stolen()));
    }

    /** Whether the run holds two or more interleaved configurations ({@code run --config}). */
    boolean hasConfigs() {
        return configs.size() >= 2;
    }

    /** The canary's readings from run.json, in order taken; empty when none. */
    List<CanaryReading> canary() {
        return runFile == null ? List.of() : runFile.canary();
    }

    /** A configuration as run.json describes it, or one with only its name. */
    RunConfig config(String name) {
        return runFile == null ? new RunConfig(name, "", "", "")
                : runFile.configs().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElse(new RunConfig(name, "", "", ""));
    }

    /**
     * What the run's run.json and points.csv say of how it measured (place rounds, the canary's drift,
     * the targets points stopped at), by its id; empty without a run.json.
     */
    Map<String, RunTraits> runTraits() {
        return runFile == null ? Map.of() : Map.of(runFile.runId(), runFile.traits(points));
    }

    /** The whole input analysed as one run. */
    Analysis analysis() throws BadInputException {
        return Analysis.of(loaded, runTraits());
    }

    /** The whole input analysed as one run, named by its path. */
    RunData runData() throws BadInputException {
        return analysis().runData(path.toString(), canary());
    }

    /** Each configuration's rows analysed on their own, in order, the baseline first. */
    Map<String, Analysis> byConfig() throws BadInputException {
        Map<String, Analysis> out = new LinkedHashMap<>();
        for (String c : configs) {
            out.put(c, Analysis.of(Configs.only(loaded, c), runTraits()));
        }
        return out;
    }
}
