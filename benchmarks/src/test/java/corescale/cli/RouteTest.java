package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.CommandSpec;

/** How the jar's words are taken: a command, plain JMH, run with a filter, or a mistyped command refused. */
class RouteTest {

    private static final CommandSpec ROOT = Main.commandLine().getCommandSpec();

    private static Route route(String... words) {
        return Route.of(List.of(words), ROOT, Main::selectsBenchmarks);
    }

    @Test
    void noWordsAreTheDefaultSweep() {
        assertEquals(List.of("run"), route().args());
        assertEquals(Optional.empty(), route().notice());
    }

    @Test
    void commandsAndTheJarsOwnOptionsAreTakenAsGiven() {
        for (List<String> words : List.of(List.of("run", "counters"), List.of("list"), List.of("jmh", "-h"), List.of("-h"),
                List.of("--help"), List.of("--version"), List.of("help", "run"))) {
            Route r = route(words.toArray(String[]::new));
            assertEquals(words, r.args());
            assertEquals(Optional.empty(), r.notice(), words.toString());
            assertEquals(Optional.empty(), r.refusal(), words.toString());
        }
    }

    @Test
    void aFilterWithoutACommandIsTheSweepAndSaysSo() {
        Route r = route("counters");
        assertEquals(List.of("run", "counters"), r.args());
        assertEquals(Optional.of("corescale: the sweep, as 'run counters' (plain JMH with JMH's defaults is 'jmh counters')"), r.notice());
        Route withRunOptions = route("counters", "--quick", "--cores", "1");
        assertEquals(List.of("run", "counters", "--quick", "--cores", "1"), withRunOptions.args());
        assertEquals(Optional.of("corescale: the sweep, as 'run counters --quick --cores 1'"), withRunOptions.notice(),
                "JMH does not take --quick: no plain-JMH twin to name");
        assertEquals(List.of("run", "--quick"), route("--quick").args());
    }

    @Test
    void aLineOfJmhOptionsIsPlainJmh() {
        assertEquals(List.of("jmh", "-l"), route("-l").args());
        assertEquals(List.of("jmh", "Counters", "-f", "1", "-t", "2"), route("Counters", "-f", "1", "-t", "2").args());
        assertEquals(List.of("jmh", "-prof", "gc", "-rf", "json", "Counters"), route("-prof", "gc", "-rf", "json", "Counters").args());
        // Plain JMH says so itself (JmhCommand), whether asked for by 'jmh' or by its options.
        assertEquals(Optional.empty(), route("-l").notice());
        // One option JMH does not take, and the line is run's (which names -rf as JMH's).
        assertEquals("run", route("counters", "-rf", "json", "--quick").args().get(0));
    }

    @Test
    void aWordNearACommandThatSelectsNoBenchmarkIsAMistypedCommand() {
        assertEquals(Optional.of("unknown command 'runn' (did you mean 'run'?); see 'java -jar benchmarks.jar --help'"),
                route("runn").refusal());
        assertEquals(Optional.of("unknown command 'lsit' (did you mean 'list'?); see 'java -jar benchmarks.jar --help'"),
                route("lsit", "counters").refusal());
        assertTrue(route("Report").refusal().orElseThrow().contains("did you mean 'report'?"), "case is not a difference");
        assertTrue(route("comprae").refusal().orElseThrow().contains("did you mean 'compare'?"));
        // Followed by JMH's options too: else a line JMH takes, plain JMH with a filter matching nothing (or more: -l lists all).
        assertEquals(Optional.of("unknown command 'runn' (did you mean 'run'?); see 'java -jar benchmarks.jar --help'"),
                route("runn", "-f", "1").refusal());
        assertTrue(route("jmhh", "-l").refusal().orElseThrow().contains("did you mean 'jmh'?"));
        assertTrue(route("runn", "counters", "-f", "1", "-l").refusal().orElseThrow().contains("did you mean 'run'?"));
    }

    @Test
    void aWordNearACommandThatSelectsABenchmarkIsAFilter() {
        Predicate<String> selectsEverything = word -> true;
        Route r = Route.of(List.of("runn"), ROOT, selectsEverything);
        assertEquals(List.of("run", "runn"), r.args());
        assertEquals(Optional.empty(), r.refusal());
    }

    @Test
    void aWordFarFromEveryCommandIsAFilterEvenWhenItSelectsNothing() {
        // Three edits from 'run': the sweep is started and says no benchmark matches.
        Route r = route("rxyz");
        assertFalse(Main.selectsBenchmarks("rxyz"));
        assertEquals(List.of("run", "rxyz"), r.args());
        assertEquals(Optional.empty(), r.refusal());
    }
}
