package corescale.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import corescale.stats.Synthetic;
import corescale.stats.model.RunInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnJvmArgsTest {

    private static RunInfo forks(String jvmArgs) {
        return new RunInfo("r", "h", "Linux", "amd64", "cpu", 2, "Temurin", "25", jvmArgs, "", "");
    }

    /** The harness's per-point arguments are not a side's own; what one side gives all its forks and another not is. */
    @Test
    void onlyTheJvmArgumentsASideHasOfItsOwnAreShown() {
        RunData base = Synthetic.runData("base", List.of(), Set.of(forks("-XX:ActiveProcessorCount=1 -Dcs=1 -Xss1m"),
                forks("-XX:ActiveProcessorCount=2 -Dcs=1,0 -Xss1m")));
        RunData c1 = Synthetic.runData("c1", List.of(), Set.of(forks("-XX:ActiveProcessorCount=2 -Xss1m -XX:TieredStopAtLevel=1")));
        RunData same = Synthetic.runData("same", List.of(), Set.of(forks("-XX:ActiveProcessorCount=1 -Dcs=1 -Xss1m")));
        assertEquals(List.of("", "-XX:TieredStopAtLevel=1"), OwnJvmArgs.of(List.of(base, c1)));
        assertEquals(List.of("", ""), OwnJvmArgs.of(List.of(base, same)), "only per-point arguments differ");
        RunData g1 = Synthetic.runData("g1", List.of(), Set.of(forks("-XX:+UseG1GC -Xss1m")));
        RunData noG1 = Synthetic.runData("noG1", List.of(), Set.of(forks("-XX:-UseG1GC -Xss1m")));
        assertEquals(List.of("-XX:+UseG1GC", "-XX:-UseG1GC"), OwnJvmArgs.of(List.of(g1, noG1)));
    }
}
