package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet} over a fleet folder of two synthetic machines: the answers side by side, the machines'
 * canaries, and one chart per benchmark setting holding both machines (not one per variant).
 */
class FleetReportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * A run folder: counters at 1 and 2 cores (threads = cores), two settings, 4 variants, 3 forks;
     * {@code speed} scales every score, {@code canaryCpu} the canary's cpu readings.
     */
    private Path machine(Path fleet, String name, String cpu, double speed, double canaryCpu) throws IOException {
        Path run = Files.createDirectories(fleet.resolve(name));
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        List<String> rows = new ArrayList<>();
        String[] variants = {"synchronized", "reentrantLock", "atomicLong", "longAdder"};
        double[] oneCore = {30, 25, 60, 50};
        double[] scaling = {0.6, 0.7, 0.9, 1.9};
        for (String params : List.of("work=0", "work=100")) {
            for (int v = 0; v < variants.length; v++) {
                for (int cores : new int[] {1, 2}) {
                    double level = speed * oneCore[v] * (cores == 1 ? 1 : scaling[v]) * (params.equals("work=0") ? 1 : 0.5);
                    for (int fork = 1; fork <= 3; fork++) {
                        for (int it = 1; it <= 3; it++) {
                            rows.add(row(name, cpu, variants[v], params, cores, fork, it, level * (1 + 0.01 * rnd.nextGaussian())));
                        }
                    }
                }
            }
        }
        Synthetic.resultsCsv(run, "results.csv", rows.toArray(String[]::new));
        Files.writeString(run.resolve("run.json"), """
                {"run_id": "r-%s", "args": ["counters"], "profile": "quick", "canary": [
                  {"at": "start", "seconds_into_run": 0, "cpu_ops_per_us": %s, "memory_ns_per_load": 80},
                  {"at": "end", "seconds_into_run": 300, "cpu_ops_per_us": %s, "memory_ns_per_load": 80}]}
                """.formatted(name, canaryCpu, canaryCpu));
        return run;
    }

    private static String row(String host, String cpu, String variant, String params, int cores, int fork, int iteration,
                              double score) {
        java.util.Map<corescale.stats.model.ResultsColumn, Object> v = new java.util.EnumMap<>(corescale.stats.model.ResultsColumn.class);
        v.put(corescale.stats.model.ResultsColumn.RUN_ID, "r-" + host);
        v.put(corescale.stats.model.ResultsColumn.HOST, "same-hostname");
        v.put(corescale.stats.model.ResultsColumn.CPU_MODEL, cpu);
        v.put(corescale.stats.model.ResultsColumn.CPUS_ONLINE, 2);
        v.put(corescale.stats.model.ResultsColumn.VARIANT, variant);
        v.put(corescale.stats.model.ResultsColumn.PARAMS, params);
        v.put(corescale.stats.model.ResultsColumn.CORES, cores);
        v.put(corescale.stats.model.ResultsColumn.THREADS, cores);
        v.put(corescale.stats.model.ResultsColumn.FORK, fork);
        v.put(corescale.stats.model.ResultsColumn.ITERATION, iteration);
        v.put(corescale.stats.model.ResultsColumn.SCORE, score);
        return Synthetic.line(v);
    }

    private int fleet(Path... inputs) {
        return new StatsTool().fleet(List.of(inputs), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void answersSideBySideCanariesAndOneChartPerSetting() throws IOException {
        Path fleet = dir.resolve("lab-20261205-101500");
        machine(fleet, "fast", "Fast CPU", 2.0, 200);
        machine(fleet, "slow", "Slow CPU", 1.0, 100);
        Files.writeString(fleet.resolve("fast.log"), "the console of a run: not a machine");

        assertEquals(StatsTool.OK, fleet(fleet), err.toString());
        String md = Files.readString(fleet.resolve("fleet.md"));

        // The answers come first, one column per machine.
        assertTrue(md.indexOf("## Answers, machine by machine") < md.indexOf("## Machines"), md);
        assertTrue(md.contains("| question | fast | slow |"), md);
        List<String> counterRows = md.lines().filter(l -> l.startsWith("| Shared counter, ")).toList();
        // 2 settings × (1 thread at the fewest cores, threads = cores at the most) at least.
        assertTrue(counterRows.size() >= 4, md);
        for (String r : counterRows) {
            assertEquals(3, r.split(" \\| ", -1).length, "a topic and one answer per machine: " + r);
        }
        assertTrue(counterRows.stream().anyMatch(r -> r.contains("threads = cores | (2t/2c): longAdder is fastest")), md);

        // Machines named by their folders although their host names agree; canary against the first.
        assertTrue(md.contains("| fast | same-hostname | Fast CPU | 2 |"), md);
        assertTrue(md.contains("| slow | same-hostname | Slow CPU | 2 |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| slow | 2 | 100 | 80 | 64 MiB | ×0.5 as fast on the canary's cpu kernel")), md);

        // One chart of throughput and one per core for each setting, whatever the number of variants.
        try (Stream<Path> files = Files.list(fleet)) {
            assertEquals(List.of("fleet-counters-increment-work-0-cores.png",
                            "fleet-counters-increment-work-0-per-core.png",
                            "fleet-counters-increment-work-100-cores.png",
                            "fleet-counters-increment-work-100-per-core.png"),
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList());
        }
        String html = Files.readString(fleet.resolve("fleet.html"));
        assertTrue(html.contains("Fast CPU"));
        // A short page whose charts are its point: every section shown, none folded away.
        assertEquals(4, html.split("<details class=\"section\"", -1).length - 1, html);
        assertEquals(4, html.split("<details class=\"section\" id=\"[^\"]*\" open>", -1).length - 1, html);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(StatsTool.BAD_INPUT, fleet(empty));
        assertEquals("fleet: " + empty + " holds no run folder (a folder with results.csv)", err.toString().strip());

        err.reset();
        assertEquals(StatsTool.BAD_INPUT, fleet(dir.resolve("missing")));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());

        err.reset();
        Path one = machine(dir.resolve("x"), "same", "A", 1, 100);
        Path two = machine(dir.resolve("y"), "same", "B", 1, 100);
        assertEquals(StatsTool.BAD_INPUT, fleet(one, two));
        assertTrue(err.toString().startsWith("fleet: two runs named same"), err.toString());
    }
}
