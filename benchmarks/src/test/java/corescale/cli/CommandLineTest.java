package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import corescale.stats.run.RunFile;
import corescale.sweep.Plan;

/**
 * The jar's command line as picocli runs it once {@link Route} has taken the words. Bad command
 * lines are refused before anything runs (in {@code --dry-run} too) with one line that says what
 * was wrong and where the help is, exit code 2, no usage after it, nothing on standard output.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    private record Result(int exit, List<String> out, List<String> err) {
        /** The one line of a refusal: asserts there is exactly one, and no usage. */
        String refusal() {
            assertEquals(UsageErrors.EXIT, exit, "exit code of " + err);
            assertEquals(1, err.size(), "one line: " + err);
            assertFalse(err.get(0).contains("Usage:"), err.get(0));
            assertEquals(List.of(), out, "nothing planned or printed");
            return err.get(0);
        }
    }

    /** The jar's command line with these (already routed) arguments, its output captured. */
    private static Result execute(String... args) {
        CliRun r = CliRun.execute(args);
        return new Result(r.exit(), r.out().lines().toList(), r.err().lines().toList());
    }

    private String out() {
        return dir.resolve("run").toString();
    }

    /** Counts, times and lists that cannot be: each refused in one line, before anything is planned. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --threads -2           | --threads -2: a thread count must be 1 or more
            --threads 4,100000     | --threads 100000: a thread count must be at most 1024
            --max-forks 0          | --max-forks 0: forks must be 1 or more
            -f -1                  | -f -1: forks must be 1 or more
            -i 0                   | -i 0: measured iterations must be 1 or more
            -wi -1                 | -wi -1: warm-up iterations must be 0 or more
            -r 0s                  | -r must be longer than 0, e.g. 1s
            --point-cap 0          | --point-cap must be longer than 0, e.g. 1s
            --cores 2,1,2          | --cores 2,1,2: 2 is given twice
            --threads 1,4,1        | --threads 1,4,1: 1 is given twice
            --param workOutside=0,0 | --param workOutside=0,0: 0 is given twice
            --param =5             | --param =5: expected NAME=V1,V2
            """)
    void aValueThatCannotBeIsRefused(String options, String refusal) {
        List<String> args = new ArrayList<>(List.of("run", "counters", "--dry-run"));
        args.addAll(List.of(options.split(" ")));
        assertEquals(refusal + "; see 'run --help'", execute(args.toArray(String[]::new)).refusal());
    }

    /** The plan's lowest estimate in seconds, from its "estimated 1m05s to ..." (or "estimated 1m05s;") line. */
    private static long lowEstimateSeconds(List<String> out) {
        String plan = out.stream().filter(l -> l.startsWith("Plan: ")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("estimated (?:(\\d+)m)?(\\d+)s").matcher(plan);
        assertTrue(m.find(), plan);
        return (m.group(1) == null ? 0 : 60 * Long.parseLong(m.group(1))) + Long.parseLong(m.group(2));
    }

    /** Without the canary the plan leaves out its three readings, each at least 8 s. */
    @Test
    void noCanaryTakesItsReadingsOutOfThePlan() {
        List<String> point = List.of("run", "counters.Counters.increment", "--param", "variant=atomicLong", "--param",
                "workInside=0", "--param", "workOutside=0", "--cores", "1", "--threads", "1", "-f", "1", "--dry-run");
        long with = lowEstimateSeconds(execute(point.toArray(String[]::new)).out());
        List<String> without = new ArrayList<>(point);
        without.add("--no-canary");
        long less = with - lowEstimateSeconds(execute(without.toArray(String[]::new)).out());
        assertTrue(less >= 24 && less <= 3 * 20, "the canary's share of the plan: " + less + " s");
    }

    @Test
    void aThreadCountOfNoneIsRefusedBeforeTheRunsFolderIsMade() {
        assertEquals("--threads 0: a thread count must be 1 or more; see 'run --help'",
                execute("run", "counters", "--threads", "1,0", "--out", out()).refusal());
        assertFalse(Files.exists(dir.resolve("run")), "nothing written");
        assertEquals(0, execute("run", "counters", "-wi", "0", "-f", "1", "--dry-run").exit(), "no warm-up is a choice");
    }

    @Test
    void aJvmOptionTheJvmDoesNotKnowIsRefusedInItsWords() {
        assertEquals("--config b=-XX:+NoSuchOption: the JVM refuses it: Unrecognized VM option 'NoSuchOption'; see 'run --help'",
                execute("run", "counters", "--config", "a=", "--config", "b=-XX:+NoSuchOption", "--dry-run").refusal());
        assertEquals(0, execute("run", "counters", "--config", "a=", "--config", "c1=-XX:TieredStopAtLevel=1", "--dry-run").exit());
    }

    @Test
    void aRunFolderWhereAFileIsIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals("--out " + file + ": " + file + " is a file, not a folder; see 'run --help'",
                execute("run", "counters", "--out", file.toString()).refusal());
        assertEquals("--out " + file.resolve("run") + ": " + file + " is a file, not a folder; see 'run --help'",
                execute("run", "counters", "--out", file.resolve("run").toString()).refusal());
        assertEquals("mine", Files.readString(file));
    }

    /** A run folder that holds a run is refused by --dry-run as by the run: the plan printed is the run that would happen. */
    @Test
    void aRunFolderThatHoldsAResultsCsvIsRefusedInADryRunToo() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("results.csv"), "kept");
        assertEquals(run + " already holds a results.csv; use --resume " + run + " or another --out; see 'run --help'",
                execute("run", "counters", "--dry-run", "--out", run.toString()).refusal());
        assertEquals("kept", Files.readString(run.resolve("results.csv")));
    }

    /** A run folder as the run would have left it: its run.json, and results.csv if {@code done}. */
    private Path interruptedRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("interrupted"));
        new RunFile("r", List.of("counters.Counters.increment", "--param", "variant=atomicLong", "--param", "workInside=0",
                "--param", "workOutside=0,500", "--cores", "1", "--threads", "1"), "default", List.of(1), false,
                null, null, null, null, null, null, List.of(), List.of(), true).write(run);
        return run;
    }

    /** --resume takes the run's options from its run.json: any other given beside it would be ignored, so it is refused. */
    @Test
    void optionsBesideResumeAreRefused() throws IOException {
        Path run = interruptedRun();
        String runJson = Files.readString(run.resolve(RunFile.NAME));
        assertEquals("--resume takes the run's own options from " + run.resolve(RunFile.NAME)
                + "; give no others (--dry-run aside): --cores, --param; see 'run --help'",
                execute("run", "--resume", run.toString(), "--cores", "2", "--param", "variant=nosuch").refusal());
        assertEquals("--resume takes the run's own options from " + run.resolve(RunFile.NAME)
                + "; give no others (--dry-run aside): FILTER; see 'run --help'",
                execute("run", "counters", "--resume", run.toString(), "--dry-run").refusal());
        assertEquals(runJson, Files.readString(run.resolve(RunFile.NAME)));
        assertEquals(List.of(RunFile.NAME), list(run));
    }

    /** --resume --dry-run prints the plan of the points left and writes nothing: it never measures. */
    @Test
    void resumeWithDryRunOnlyPlans() throws IOException {
        Path run = interruptedRun();
        Result r = execute("run", "--resume", run.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err().toString());
        assertTrue(r.out().get(0).startsWith("Plan: 2 points, profile default,"), "run.json's plan: " + r.out().get(0));
        assertEquals(List.of(RunFile.NAME), list(run), "nothing written");
    }

    private static List<String> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDurationWithoutAUnitIsRefused() {
        assertEquals("--budget needs a unit (10ms, 10s or 10m); see 'run --help'",
                execute("run", "counters", "--budget", "10", "--dry-run").refusal());
        assertEquals("--point-cap needs a unit (40ms, 40s or 40m); see 'run --help'",
                execute("run", "counters", "--point-cap", "40", "--dry-run").refusal());
        assertEquals("--budget 'soon' is not a time (use e.g. 500ms, 1s, 2m); see 'run --help'",
                execute("run", "counters", "--budget", "soon", "--dry-run").refusal());
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheBenchmarksParameters() {
        String line = execute("run", "counters.Counters", "--param", "nosuch=1", "--dry-run", "--out", out()).refusal();
        assertTrue(line.startsWith("--param nosuch=1: no benchmark matching 'counters.Counters' has a parameter nosuch; theirs: "
                + String.join(", ", new java.util.TreeSet<>(params("counters.Counters").keySet())) + " "), line);
        assertTrue(line.endsWith("; see 'run --help'"), line);
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void aParameterOfAFamilyNotSelectedIsRefused() {
        String line = execute("run", "counters.Counters", "--param", "io.k=10", "--dry-run").refusal();
        assertTrue(line.startsWith("--param io.k=10: no benchmark matching 'counters.Counters' has a parameter io.k"), line);
    }

    @Test
    void anUnknownValueIsRefusedNamingTheValuesOfTheBenchmarksParamList() {
        String line = execute("run", "counters", "--param", "counters.variant=synchronised", "--dry-run").refusal();
        assertTrue(line.startsWith("--param counters.variant=synchronised: counters.Counters.increment has no variant 'synchronised'; "
                + "it takes " + String.join(", ", params("counters.Counters").get("variant"))), line);
        // A plain name is checked in every family that has it: processcounters has no atomicLong.
        String plain = execute("run", "counters", "--param", "variant=atomicLong", "--dry-run").refusal();
        assertTrue(plain.startsWith("--param variant=atomicLong: processcounters.ProcessCounters.increment has no variant 'atomicLong'"),
                plain);
        String number = execute("run", "counters.Counters", "--param", "workInside=0,lots", "--dry-run").refusal();
        assertTrue(number.startsWith("--param workInside=0,lots: workInside of counters.Counters.increment takes a whole number, not 'lots'"),
                number);
        String pool = execute("run", "cpu", "--param", "pool=0", "--dry-run").refusal();
        assertTrue(pool.startsWith("--param pool=0: pool takes 1 to 1024 (threads or worker processes of the pool), not 0"), pool);
    }

    /**
     * Numbers that would measure nothing their name says (negative work, a batch of no task, no delay), or start
     * thousands of JVMs, threads or processes at once, are refused before the plan (ParamLimit), as under plain JMH.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "counters|workInside=-5|workInside takes 0 or more (Blackhole tokens inside the guard), not -5",
            "cpu|k=0|k takes 1 to 10000 (tasks or requests of a batch, started at once), not 0",
            "spawn|k=100000|k takes 1 to 10000 (tasks or requests of a batch, started at once), not 100000",
            "io|delayMs=0|delayMs takes 0.001 or more (the service's delay in ms, which the io bound divides by), not 0",
            "processcounters|processesPerCore=500|processesPerCore takes 1 to 8 (worker JVMs per core), not 500",
            "io|delayMs=NaN|delayMs takes 0.001 or more (the service's delay in ms, which the io bound divides by), not NaN",
            "io|pool=5000|pool takes 1 to 1024 (threads or worker processes of the pool), not 5000"})
    void numbersOutsideTheirLimitAreRefusedBeforeThePlan(String filter, String param, String why) {
        Result r = execute("run", filter, "--param", param, "--dry-run", "--out", out());
        assertEquals(2, r.exit(), r.err().toString());
        assertEquals("--param " + param + ": " + why + "; see 'run --help'", r.refusal());
        assertTrue(r.out().stream().noneMatch(line -> line.startsWith("Plan: ")), r.out().toString());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void valuesTheBenchmarksTakeArePlanned() {
        Result r = execute("run", "counters", "--param", "counters.variant=atomicLong,longAdder", "--param", "workInside=10",
                "--param", "processcounters.variant=atomicAdd", "--cores", "1", "--threads", "1", "--dry-run", "--out", out());
        assertEquals(0, r.exit(), r.err().toString());
        assertTrue(r.out().stream().anyMatch(line -> line.startsWith("Plan: ")), r.out().toString());
        // delayMs is a double whose @Param lists whole values only: a fraction is still one it takes
        Result io = execute("run", "io", "--param", "delayMs=0.5", "--cores", "1", "--dry-run", "--out", out());
        assertEquals(0, io.exit(), io.err().toString());
    }

    @Test
    void aFilterThatMatchesNothingIsSaidBeforeItsParameters() {
        assertEquals("no benchmark matches 'nosuch' ('list' names them); see 'run --help'",
                execute("run", "nosuch", "--param", "variant=x", "--dry-run").refusal());
    }

    @Test
    void aFilterThatIsNotARegexIsRefused() {
        assertEquals("FILTER 'Counters(' is not a regex: Unclosed group; see 'run --help'",
                execute("run", "Counters(", "--dry-run").refusal());
    }

    /** JMH options run does not take: named as JMH's, with what run takes instead where it has something. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-rf|json|-rf is a plain-JMH option; run writes its own result files (see docs/results.md)",
            "-rff|out.json|-rff is a plain-JMH option; run writes its own result files (see docs/results.md)",
            "-o|out.txt|-o is a plain-JMH option; run writes its own result files (see docs/results.md)",
            "-t|2|-t is a plain-JMH option; run takes --threads N instead",
            "-p|variant=atomicLong|-p is a plain-JMH option; run takes --param NAME=V1,V2 instead",
            "-jvmArgs|-Xmx1g|-jvmArgs is a plain-JMH option; run takes --config NAME=JVM_OPTIONS instead",
            "-jvmArgsAppend|-Xmx1g|-jvmArgsAppend is a plain-JMH option; run takes --config NAME=JVM_OPTIONS instead",
            "-jvmArgsPrepend|-Xmx1g|-jvmArgsPrepend is a plain-JMH option; run takes --config NAME=JVM_OPTIONS instead",
            "-jvm|/opt/jdk/bin/java|-jvm is a plain-JMH option; run takes --config-jdk NAME=JDK_HOME instead",
            "-bm|avgt|-bm is a plain-JMH option; run does not take it ('jmh ARGS' is plain JMH)"})
    void aJmhOptionRunDoesNotTakeIsNamedAsJmhs(String option, String value, String expected) {
        assertEquals(expected + "; see 'run --help'", execute("run", "counters", option, value, "--dry-run").refusal());
    }

    @Test
    void profilersAreNamedAsJmhsWhateverRunTakes() {
        // run may take --prof; either way -prof is JMH's, and the line says so.
        assertTrue(execute("run", "counters", "-prof", "gc", "--dry-run").refusal().startsWith("-prof is a plain-JMH option; "));
    }

    @Test
    void theOptionsRunSharesWithJmhTakeTheirValueAfterASpace() {
        assertEquals("'-f1': put a space between -f and its value ('-f 1'); see 'run --help'", execute("run", "counters", "-f1").refusal());
        assertEquals("'-r100ms': put a space between -r and its value ('-r 100ms'); see 'run --help'",
                execute("run", "counters", "-r100ms").refusal());
    }

    @Test
    void aMistypedOptionIsNamedWithTheClosestOne() {
        assertEquals("Unknown option: '--budgt=10m' (did you mean '--budget'?); see 'run --help'",
                execute("run", "counters", "--budgt=10m").refusal());
    }

    @Test
    void anUnknownHelpTopicEndsItsSentenceOnce() {
        assertEquals("Unknown subcommand 'nosuch'; see 'java -jar benchmarks.jar --help'", execute("help", "nosuch").refusal());
    }

    @Test
    void listOfAFilterThatMatchesNothingIsRefused() {
        assertEquals("no benchmark matches 'nosuch' ('list' with no FILTER names them all); see 'list --help'",
                execute("list", "nosuch").refusal());
        Result all = execute("list", "counters.Counters");
        assertEquals(0, all.exit());
        // what run measures, the default profile's choice, beside JMH's own combinations
        assertTrue(all.out().contains("    counters  Counters.increment  6 variants at workInside=0;workOutside=0 | workInside=0;workOutside=500"),
                all.out().toString());
        assertTrue(all.out().get(0).startsWith("counters  corescale.benchmarks.counters.Counters.increment"), all.out().toString());
        assertEquals("--param also takes other numbers: workInside 0 or more, workOutside 0 or more", all.out().getLast(),
                "the numeric parameters of the benchmarks listed, with their ranges");
        assertEquals("--param also takes other numbers: k 1 to 10000, pool 1 to 1024 (pool also 'cores')",
                execute("list", "cpu").out().getLast());
    }

    @Test
    void aLineJmhRefusesIsRefusedBeforeJmhStarts() {
        assertEquals(List.of("jmh: x is not a recognized option; see 'jmh -h'"), execute("jmh", "-x").err());
        assertEquals(UsageErrors.EXIT, execute("jmh", "-x").exit());
    }

    @Test
    void theJarsHelpIsCorescalesAndSaysWhereJmhsIs() {
        Result help = execute("-h");
        assertEquals(0, help.exit());
        assertTrue(help.out().get(0).startsWith("Usage: benchmarks.jar"), help.out().toString());
        assertTrue(help.out().contains("JMH's own help: 'jmh -h'."), help.out().toString());
        List<String> commands = help.out().subList(help.out().indexOf("Commands:") + 1, help.out().size());
        for (String command : List.of("run", "report", "compare", "list", "jmh", "help")) {
            assertTrue(commands.stream().anyMatch(line -> line.startsWith("  " + command + " ")), command + " listed: " + commands);
        }
    }

    @Test
    void plainJmhSaysWhichModeItStarts() {
        Result jmh = execute("jmh", "-lrf");
        assertEquals(0, jmh.exit(), jmh.err().toString());
        assertEquals(List.of("corescale: plain JMH with JMH's own options and defaults, as 'jmh -lrf' (corescale's sweep is 'run FILTER')"),
                jmh.err());
        assertTrue(jmh.out().stream().anyMatch(line -> line.contains("json")), "JMH's own list of result formats: " + jmh.out());
    }

    /** A benchmark's parameters with their {@code @Param} values, as JMH's list has them. */
    private static java.util.Map<String, String[]> params(String filter) {
        BenchmarkListEntry entry = Plan.benchmarks(filter).get(0);
        return entry.getParams().orElse(java.util.Map.of());
    }
}
