package corescale.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import corescale.results.MachineInfo;
import corescale.stats.model.Machine;
import corescale.stats.StatsTool;
import corescale.stats.model.ResultsFile;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.RunConfig;
import corescale.sweep.CoresRestriction;
import corescale.sweep.ForkWarmup;
import corescale.sweep.JmhLock;
import corescale.sweep.Plan;
import corescale.sweep.Point;
import corescale.sweep.Profile;
import corescale.sweep.Sweep;
import corescale.topology.CpuLimits;
import corescale.topology.FsRoot;
import corescale.topology.MachineState;
import corescale.topology.Placement;
import corescale.topology.Topology;

/**
 * {@code run}: the sweep. Builds the plan (benchmarks × parameters × cores × threads), writes
 * run.json so the run can be resumed with the same plan, measures every point to the profile's
 * precision and appends results.csv as points finish.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure every benchmark matching FILTER at each core count and thread count, "
                + "adding forks to each point until it is precise enough, and write results/<host>-<time>/."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILTER",
            description = "Regex found anywhere in the benchmarks' full names, as in JMH: 'io', 'counters.Counters' "
                    + "(the counters family; 'counters' alone matches processcounters too). Default: all.")
    String filter = "";

    @Option(names = "--quick", description = "Every family in a few minutes: 2 forks a point, fewest parameters, max cores only.")
    boolean quick;

    @Option(names = "--thorough", description = "Tighter precision (±1%%), up to 10 forks, every parameter value.")
    boolean thorough;

    @Option(names = "--cores", split = ",", paramLabel = "N",
            description = "Core counts to restrict the measured JVM to. Default: 1, 2, 4 ... up to all CPUs this process may use.")
    List<Integer> cores;

    @Option(names = "--cpus", split = ",", paramLabel = "CPU",
            description = "The CPUs to use, in order: a point at N cores runs on the first N (e.g. --cpus 2,4,6). "
                    + "Default: chosen from the topology (see --placement).")
    List<Integer> cpus;

    @Option(names = "--placement", paramLabel = "POLICY",
            description = "How cores are chosen: compact (default: distinct physical cores, one L3/NUMA node/package "
                    + "filled before the next, SMT siblings last, CPU 0 last) or spread (cores alternate between packages).")
    String placement = Placement.COMPACT;

    @Option(names = "--dry-run", description = "Print the plan (points, estimate, where results go, the CPUs of each core count) and exit without measuring.")
    boolean dryRun;

    /**
     * The most JMH threads a point may have. Each is a platform thread of the fork with its own
     * stack, all started before the first iteration: a slip such as 100000 would exhaust the
     * machine's threads or memory rather than measure anything. A machine with more than 512 CPUs
     * may go to twice its CPUs, as the default thread counts do.
     */
    static final int MAX_THREADS = 1024;

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "Thread counts for shared-state benchmarks, 1 to 1024 (or twice the CPUs, if more). Default: cores and 2 x cores, and 1 at the fewest cores.")
    List<Integer> threads;

    @Option(names = "--precision", paramLabel = "PCT",
            converter = Converters.Fraction.class,
            description = "Target half-width of the 95%% CI of a point's mean, e.g. 3%% (default) or 0.03.")
    Double precision;

    @Option(names = "--max-forks", paramLabel = "N", description = "Most forks per point.")
    Integer maxForks;

    @Option(names = "--budget", paramLabel = "TIME",
            description = "Time budget of the whole sweep, e.g. 30m (default profile: 14m): points stop adding forks "
                    + "beyond the minimum when the rest would not fit. 0 for none.", converter = Converters.Time.class)
    Duration budget;

    @Option(names = "--point-cap", paramLabel = "TIME",
            description = "Most time one point may take before it stops adding forks, e.g. 2m (default profile: 40s).",
            converter = Converters.Time.class)
    Duration pointCap;

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "Parameter values to use, e.g. --param workInside=0,100; FAMILY.NAME for one family only, e.g. --param io.k=1000. Numbers within each parameter's range ('list' ends with them).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "-f", paramLabel = "N", description = "Fixed number of forks (JMH's -f); turns the precision target off. With -wi, -i, -w or -r alone: the profile's first pass (3; --quick 2).")
    Integer forks;

    @Option(names = "-wi", paramLabel = "N", description = "Warm-up iterations per fork (JMH's -wi); turns the precision target off.")
    Integer warmupIterations;

    @Option(names = "-i", paramLabel = "N", description = "Measured iterations per fork (JMH's -i); turns the precision target off.")
    Integer iterations;

    @Option(names = "-w", paramLabel = "TIME", description = "Warm-up iteration time, e.g. 1s, 500ms (JMH's -w); turns the precision target off.",
            converter = Converters.Time.class)
    Duration warmupTime;

    @Option(names = "-r", paramLabel = "TIME", description = "Measured iteration time, e.g. 1s, 500ms (JMH's -r); turns the precision target off.",
            converter = Converters.Time.class)
    Duration iterationTime;

    @Option(names = "--prof", paramLabel = "NAME[:OPTS]", converter = Converters.Profiler.class,
            description = "A JMH profiler every fork runs with, repeatable, as JMH's -prof: gc, stack, jfr, comp, cl, and "
                    + "perfnorm or perfasm where perf works. Its numbers become columns of results.csv, summarised per point "
                    + "(gc: gc.alloc.rate.norm, bytes per operation); jfr writes into DIR/profiles/.")
    List<String> profilers = new ArrayList<>();

    @Option(names = "--config", paramLabel = "NAME=JVM_OPTIONS",
            description = "A configuration to compare, repeatable, at least two: at every point their forks alternate "
                    + "(one fork of each in turn). JVM_OPTIONS are added to its forks, split on whitespace (no quotes), "
                    + "and may be empty, e.g. --config base= --config c1=-XX:TieredStopAtLevel=1.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--config-jdk", paramLabel = "NAME=JDK_HOME",
            description = "Run the forks of the configuration NAME (named by a --config) on the JDK at JDK_HOME (21 or newer).")
    List<String> configJdks = new ArrayList<>();

    @Option(names = "--class-sharing", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start the forks from a class data sharing archive of the benchmarks, written by the run's first fork "
                    + "into DIR/cds (default; --no-class-sharing to start every fork from scratch).")
    boolean classSharing = true;

    @Option(names = "--canary", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the canary, a fixed reference workload, at the run's start, middle and end (default; "
                    + "--no-canary for a short run: its readings take 8-12 s each, and without them the report cannot "
                    + "tell whether the machine itself changed speed during the run).")
    boolean canary = true;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder. Default: results/<host>-<yyyymmdd-hhmmss>.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish an interrupted run: measure only the points missing from DIR/results.csv.")
    Path resume;

    /** Where sysfs, procfs and cgroup facts are read: {@code CORESCALE_FSROOT}, or {@code /}. */
    FsRoot fs = FsRoot.fromEnvironment();

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        Machine machine = MachineInfo.current();
        String runId = machine.hostForPath() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = out != null ? out : Path.of("results", runId);
        // Kept in run.json so that --resume rebuilds the same plan; the subcommand name is not an option.
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        return sweep(runDir, runId, machine, args, false);
    }

    private int sweep(Path runDir, String runId, Machine machine, List<String> args, boolean resuming) throws IOException {
        checkCounts();
        checkFolder(runDir);
        if (quick && thorough) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quick and --thorough cannot be used together");
        }
        if (fs.isFake() && !dryRun) {
            throw new CommandLine.ParameterException(spec.commandLine(), FsRoot.VARIABLE + "=" + fs.root()
                    + " presents another machine than this one: only --dry-run can use it");
        }
        List<RunConfig> runConfigs;
        try {
            Validation.filter(filter);
            Validation.params(filter, params);
            runConfigs = Configurations.parse(configs, configJdks);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Topology topology = Topology.read(fs);
        CpuLimits limits = CpuLimits.read(fs, topology);
        CoresRestriction restriction = CoresRestriction.detect(placement(topology, limits));
        Profile profile = profile();
        List<Integer> coreCounts = coreCounts(restriction);
        List<Point> plan = Plan.build(filter, coreCounts, Optional.ofNullable(threads), profile.params());
        if (plan.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no benchmark matches '" + filter + "' ('list' names them)");
        }
        // Refused with --dry-run too: a plan that the run would refuse is no plan.
        if (!resuming && Files.exists(runDir.resolve(ResultsFile.NAME))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    runDir + " already holds a results.csv; use --resume " + runDir + " or another --out");
        }
        if (dryRun) {
            new Sweep(runDir, profile, plan, runConfigs, restriction, System.out, false, runId, machine, Duration.ZERO, classSharing, canary)
                    .printPlan();
            return 0;
        }
        Optional<String> locked = JmhLock.heldElsewhere();
        if (locked.isPresent()) {
            System.err.println(locked.get());
            return 1;
        }
        if (!resuming) {
            Files.createDirectories(runDir);
            runFile(runId, machine, args, profile, coreCounts, restriction, MachineState.read(fs, topology), runConfigs)
                    .write(runDir);
        }
        Sweep sweep = new Sweep(runDir, profile, plan, runConfigs, restriction, System.out, Terminal.isInteractive(), runId,
                machine, Duration.ofSeconds(60), classSharing, canary);
        int exit = sweep.run(resuming).exitCode();
        if (!Files.exists(runDir.resolve(ResultsFile.NAME))) {
            return exit;
        }
        // The summaries, fits, report and findings of what was measured.
        System.out.println();
        int report = new StatsTool().report(List.of(runDir), runDir, System.out, System.err);
        return exit != 0 ? exit : report;
    }

    /** Re-reads the original arguments from run.json, so the plan is the same, and runs what is missing. */
    private int resume() throws IOException {
        if (!RunFile.exists(resume)) {
            throw new CommandLine.ParameterException(spec.commandLine(), resume + " is not a run folder (no " + RunFile.NAME + ")");
        }
        // The plan is run.json's: an option given here would be ignored, so it is refused (--dry-run aside).
        List<String> others = spec.commandLine().getParseResult().matchedArgs().stream()
                .map(arg -> arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : "FILTER")
                .filter(name -> !name.equals("--resume") && !name.equals("--dry-run"))
                .distinct().toList();
        if (!others.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume takes the run's own options from "
                    + resume.resolve(RunFile.NAME) + "; give no others (--dry-run aside): " + String.join(", ", others));
        }
        RunFile run = RunFile.read(resume);
        RunCommand original = new RunCommand();
        CommandLine cli = new CommandLine(original);
        cli.parseArgs(run.args().toArray(String[]::new));
        original.spec = cli.getCommandSpec();
        original.dryRun = dryRun;
        return original.sweep(resume, run.runId(), MachineInfo.current(), run.args(), true);
    }

    /**
     * Counts and times that cannot be: refused here, before a folder is made or a fork started (JMH
     * would refuse {@code -t 0} only in the first fork, after the plan and the canary).
     */
    private void checkCounts() {
        for (int t : threads == null ? List.<Integer>of() : threads) {
            atLeast("--threads", t, 1, "a thread count");
            int most = Math.max(MAX_THREADS, 2 * Runtime.getRuntime().availableProcessors());
            if (t > most) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--threads " + t + ": a thread count must be at most " + most);
            }
        }
        try {
            if (threads != null) {
                Validation.noRepeats("--threads " + join(threads), threads);
            }
            if (cores != null) {
                Validation.noRepeats("--cores " + join(cores), cores);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        atLeast("--max-forks", maxForks, 1, "forks");
        atLeast("-f", forks, 1, "forks");
        atLeast("-i", iterations, 1, "measured iterations");
        atLeast("-wi", warmupIterations, 0, "warm-up iterations");
        positive("-w", warmupTime);
        positive("-r", iterationTime);
        positive("--point-cap", pointCap);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** The run folder, or the nearest part of its path that exists, must be a folder: a file there is refused before the run. */
    private void checkFolder(Path runDir) {
        Path existing = runDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + runDir + ": " + existing
                    + " is a file, not a folder");
        }
    }

    private void atLeast(String option, Integer value, int least, String what) {
        if (value != null && value < least) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + ": " + what + " must be "
                    + least + " or more");
        }
    }

    private void positive(String option, Duration value) {
        if (value != null && !value.isPositive()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be longer than 0, e.g. 1s");
        }
    }

    private Profile profile() {
        Profile p = quick ? Profile.quick() : thorough ? Profile.thorough() : Profile.standard();
        if (warmupIterations != null || iterations != null || warmupTime != null || iterationTime != null || forks != null) {
            // -wi or -w as given, as JMH's command line beats a benchmark's own warm-up.
            ForkWarmup warmup = warmupIterations == null && warmupTime == null ? p.warmup()
                    : ForkWarmup.exactly(warmupIterations != null ? warmupIterations : p.warmup().iterations(),
                    warmupTime != null ? warmupTime : p.warmup().time());
            p = p.with(warmup,
                    iterations != null ? iterations : p.measurementIterations(),
                    iterationTime != null ? iterationTime : p.measurementTime())
                    .withForks(forks != null ? forks : p.minForks()); // without -f, the profile's first pass: one fork could not be ranked
        } else {
            if (precision != null) {
                p = p.withPrecision(precision);
            }
            if (maxForks != null) {
                p = p.withMaxForks(maxForks);
            }
            if (budget != null) {
                p = p.withBudget(budget);
            }
            if (pointCap != null) {
                p = p.withPointCap(pointCap);
            }
        }
        p = p.withProfilers(profilers);
        if (!params.isEmpty()) {
            Map<String, List<String>> merged = new LinkedHashMap<>(p.params());
            // The user's NAME=... replaces the profile's values of NAME in every family (its
            // FAMILY.NAME ones too); FAMILY.NAME=... those of one family.
            params.keySet().stream().filter(k -> !k.contains("."))
                    .forEach(k -> merged.keySet().removeIf(q -> q.endsWith("." + k)));
            params.forEach((k, v) -> merged.put(k, List.of(v.split(","))));
            p = p.withParams(merged);
        }
        return p;
    }

    private Placement placement(Topology topology, CpuLimits limits) {
        try {
            if (cpus != null) {
                return Placement.explicit(topology, limits, cpus);
            }
            return Placement.of(topology, limits, placement);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<Integer> coreCounts(CoresRestriction restriction) {
        List<Integer> counts = cores != null ? cores
                : quick ? List.of(restriction.maxCores()) : restriction.defaultCoreCounts();
        for (int c : counts) {
            if (c < 1 || c > restriction.maxCores()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--cores " + c + ": this process may use 1 to " + restriction.maxCores() + " CPUs");
            }
        }
        return counts;
    }

    /** run.json of a new run; the canary's readings are added as they are taken. */
    private static RunFile runFile(String runId, Machine machine, List<String> args, Profile profile, List<Integer> coreCounts,
                                   CoresRestriction restriction, MachineState state, List<RunConfig> configs) {
        ObjectMapper json = new ObjectMapper();
        Placement placement = restriction.placement();
        return new RunFile(runId, args, profile.name(), coreCounts, restriction.affinity(), machine,
                json.valueToTree(placement.topology().toJson()), json.valueToTree(placement.limits().toJson()),
                json.valueToTree(placement.toJson(coreCounts)), json.valueToTree(state.toJson()),
                json.valueToTree(FactsProbe.collect(restriction, coreCounts)), configs, List.of(), true);
    }
}
