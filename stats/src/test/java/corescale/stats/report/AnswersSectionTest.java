package corescale.stats.report;

import corescale.stats.Synthetic;
import corescale.stats.answers.Answers;
import corescale.stats.bounds.Bounds;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.ranking.Rankings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Answers' sentences say "fastest" and "tie" only where the forks show it, and "not told apart" otherwise. */
class AnswersSectionTest {

    private static PointSummary counter(String variant, int cores, int threads, double... forkMeans) {
        return Synthetic.summary(new PointKey("counters", "Counters.increment", variant, "", cores, threads,
                Mode.THROUGHPUT), Mode.THROUGHPUT, forkMeans);
    }

    private static Answers answers(List<PointSummary> points) {
        return Answers.of(points, Rankings.of(points, List.of(), Bounds.NONE), Bounds.NONE, List.of());
    }

    private static List<String> sentences(List<PointSummary> points) {
        return AnswersSection.sentences(answers(points));
    }

    /** The Answers section as Markdown. */
    private static String section(List<PointSummary> points) {
        Doc doc = new Doc("t", "t");
        AnswersSection.add(doc, answers(points));
        return MarkdownReport.render(doc);
    }

    @Test
    void eachLineIsKeyedByItsQuestionNotItsWords() {
        List<AnswersSection.Line> lines = AnswersSection.lines(answers(List.of(
                counter("synchronized", 1, 1, 100, 101, 99), counter("atomicLong", 1, 1, 200, 202, 198),
                counter("synchronized", 2, 2, 20, 21, 19), counter("atomicLong", 2, 2, 300, 303, 297),
                counter("longAdder", 2, 2, 900))));
        Setting setting = new Setting("counters", "Counters.increment", "", Mode.THROUGHPUT);
        assertEquals(List.of(
                new AnswersSection.Question(AnswersSection.Question.Kind.SHARED_COUNTER, setting, Answers.Situation.ONE_THREAD),
                new AnswersSection.Question(AnswersSection.Question.Kind.SHARED_COUNTER, setting, Answers.Situation.THREADS_EQUAL_CORES),
                new AnswersSection.Question(AnswersSection.Question.Kind.COUNTERS_NOT_RANKED, setting, null),
                new AnswersSection.Question(AnswersSection.Question.Kind.SCALING, setting, null)),
                lines.stream().map(AnswersSection.Line::question).toList());
        assertEquals(List.of("Shared counter, Counters.increment, 1 thread", "Shared counter, Counters.increment, threads = cores",
                "Shared counter, Counters.increment, not ranked", "Scaling, counters · Counters.increment"),
                lines.stream().map(AnswersSection.Line::topic).toList());
    }

    @Test
    void threadsVsProcessesInTwoModesIsALineForEachMode() {
        List<PointSummary> points = new java.util.ArrayList<>();
        for (Mode mode : List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME)) {
            points.add(Synthetic.summary(new PointKey("counters", "Counters.increment", "reentrantLock", "workInside=0", 2, 2, mode),
                    mode, 10, 10.1, 9.9));
            points.add(Synthetic.summary(new PointKey("processcounters", "ProcessCounters.increment", "fileLock",
                    "processesPerCore=1;workInside=0", 2, 1, mode), mode, 2, 2.02, 1.98));
        }
        Answers a = Answers.of(points, Rankings.of(points, List.of(), Bounds.NONE), Bounds.NONE,
                corescale.stats.contention.ThreadsVsProcesses.of(points, List.of()));

        List<String> answers = AnswersSection.lines(a).stream()
                .filter(l -> l.question().kind() == AnswersSection.Question.Kind.THREADS_VS_PROCESSES)
                .map(l -> l.answer().substring(0, l.answer().indexOf(':'))).toList();

        assertEquals(List.of("at 2t/2c", "at 2t/2c (avgt)"), answers);
    }

    @Test
    void aVariantWithTwoForksFarApartHasTheHighestMeanButIsNeitherFastestNorTied() {
        List<String> said = sentences(List.of(
                counter("synchronized", 1, 1, 100, 101, 99, 100.5, 99.5),
                counter("atomicLong", 1, 1, 100.2, 100.8, 99.4, 100.1, 99.9),
                counter("longAdder", 1, 1, 300, 30)));
        assertEquals(1, said.size(), said.toString());
        String s = said.get(0);
        assertTrue(s.startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): longAdder has the highest mean, ×1.65 ["), s);
        assertTrue(s.contains("] the throughput of synchronized; not told apart from it: atomicLong ×1 ["), s);
        assertTrue(s.endsWith("], synchronized (the baseline)."), s);
    }

    @Test
    void aDifferenceOnItsOwnThatIsNoDiscoveryAmongTheSectionsTestsShowsItsQ() {
        // atomicLong vs synchronized at 1 thread: Welch's p on the logs 0.028984 (scipy.stats.ttest_ind,
        // equal_var=False), its 95% interval below 1; with the 2t/2c test (p 0.99) in the family, BH's q is
        // 2 × 0.028984 = 0.058: not a discovery, so not told apart, and the q says why beside that interval.
        List<PointSummary> points = List.of(
                counter("synchronized", 1, 1, 100, 104, 96), counter("atomicLong", 1, 1, 89, 93, 85),
                counter("synchronized", 2, 2, 20, 24, 16), counter("atomicLong", 2, 2, 20.1, 24, 16));
        Answers a = Answers.of(points, Rankings.of(points, List.of(), Bounds.NONE), Bounds.NONE, List.of());
        Answers.Entry atomic = a.counters().get(0).ranked().get(1);
        assertEquals(Answers.Standing.NOT_TOLD_APART, atomic.standing());
        assertTrue(atomic.vsBaseline().high() < 1, "its interval alone excludes 1: " + atomic.vsBaseline());
        assertEquals(0.028984, atomic.vsFirst().p(), 1e-6);
        assertEquals(2 * 0.028984, atomic.vsFirst().q(), 2e-6);
        assertTrue(atomic.vsFirst().aloneOnly());
        assertFalse(a.counters().get(1).ranked().get(1).vsFirst().aloneOnly(), "p 0.99: nothing to explain");

        List<String> said = AnswersSection.sentences(a);
        assertTrue(said.get(0).startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): synchronized has the highest mean; "
                + "not told apart from it: atomicLong ×0.89 ["), said.get(0));
        assertTrue(said.get(0).endsWith("] (q = 0.058) the throughput of synchronized."), said.get(0));
        assertFalse(said.get(1).contains("(q "), said.get(1));
        Doc doc = new Doc("t", "t");
        AnswersSection.add(doc, a);
        String md = MarkdownReport.render(doc);
        assertTrue(md.contains("(not told apart, q = 0.058) |"), md);
        assertEquals(2, md.split("q = 0\\.058", -1).length - 1, "once in the sentence, once in the table: " + md);
    }

    @Test
    void modelsHeldBackButFasterThanEveryRankedOneComeFirstAsAtLeastThatFast() {
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=1", 2, 1, Mode.THROUGHPUT);
        List<PointSummary> points = List.of(
                Synthetic.summary(io, Mode.THROUGHPUT, 1000, 1020, 980),
                Synthetic.summary(io.withVariant("processes"), Mode.THROUGHPUT, 990, 1010, 970),
                Synthetic.summary(io.withVariant("virtualThreads"), Mode.THROUGHPUT, 30000, 31000, 29000),
                Synthetic.summary(io.withVariant("asyncChannels"), Mode.THROUGHPUT, 31000, 32000, 30000));
        Bounds bounds = Synthetic.heldBack(points, List.of(io.withVariant("virtualThreads"), io.withVariant("asyncChannels")));
        Answers a = Answers.of(points, Rankings.of(points, List.of(), bounds), bounds, List.of());

        String s = AnswersSection.sentences(a).get(0);
        assertTrue(s.startsWith("Execution models, IoBatch.batch [delayMs=1] at 1t/2c: asyncChannels ×31 ["), s);
        assertTrue(s.contains("] and virtualThreads ×30 ["), s);
        assertTrue(s.contains("] the throughput of fixedPool: faster than every ranked model even though held back by the "
                + "service or the CPUs it shares, so at least that fast, their own order unknown; of the ranked, both ranked "
                + "variants tie within ±5% (processes ×0.99 ["), s);
        assertFalse(s.contains("not ranked"), "those ahead are not listed again as left out: " + s);
        Doc doc = new Doc("t", "t");
        AnswersSection.add(doc, a);
        String md = MarkdownReport.render(doc);
        int async = md.indexOf("| asyncChannels | ×31 \\[");
        int first = md.indexOf("| fixedPool | ×1 (itself) |");
        assertTrue(async > 0 && first > async, "the table's rows ahead first, then the ranked: " + md);
        assertTrue(md.contains("| faster than every ranked, though held back |"), md);
    }

    @Test
    void aModelAboveItsBoundByTheMeanOnlyIsRankedAndSaidToBeSo() {
        PointKey cpu = new PointKey("cpu", "CpuBatch.batch", "sequential", "k=1000", 2, 1, Mode.THROUGHPUT);
        List<PointSummary> points = List.of(Synthetic.summary(cpu, Mode.THROUGHPUT, 0.05, 0.0502, 0.0498),
                Synthetic.summary(cpu.withVariant("fixedPool"), Mode.THROUGHPUT, 0.07, 0.15));
        Bounds bounds = Bounds.of(points, java.util.Map.of());
        assertTrue(bounds.at(points.get(1).key()).aboveByMeanOnly());
        Answers a = Answers.of(points, Rankings.of(points, List.of(), bounds), bounds, List.of());
        String s = AnswersSection.sentences(a).get(0);
        assertTrue(s.contains(": fixedPool has the highest mean (at 110% of its bound, above it by the mean only); "), s);
        Doc doc = new Doc("t", "t");
        AnswersSection.add(doc, a);
        assertTrue(MarkdownReport.render(doc).contains("| fixedPool | ×1 (itself) | 110% (by the mean only) | highest mean |"));
    }

    @Test
    void theScalingSentenceCountsAndNamesOnlyTheVariantsRankedAtBothEnds() {
        List<PointSummary> points = List.of(
                counter("longAdder", 1, 1, 100, 102, 98), counter("longAdder", 2, 2, 180, 183, 177),
                counter("synchronized", 1, 1, 100, 101, 99), counter("synchronized", 2, 2, 25, 26, 24),
                counter("semaphorePermits", 1, 1, 100, 101, 99), counter("semaphorePermits", 2, 2, 400, 410, 390));
        List<corescale.stats.summary.LostUpdates> lost = List.of(
                new corescale.stats.summary.LostUpdates(points.get(5).key(), 12, 3, 3, 0));
        Answers a = Answers.of(points, Rankings.of(points, lost, Bounds.NONE), Bounds.NONE, List.of());
        String s = AnswersSection.sentences(a).stream().filter(x -> x.startsWith("Scaling")).findFirst().orElseThrow();
        assertTrue(s.startsWith("Scaling, counters · Counters.increment: 1 → 2 cores, 1 of 2 ranked variants gain throughput, "
                + "1 loses it; highest longAdder ×1.8 ["), s);
        assertTrue(s.contains(", lowest synchronized ×0.25 ["), s);
        assertTrue(s.endsWith("; not ranked: semaphorePermits."), "×4 and losing updates: neither highest nor counted: " + s);
    }

    /**
     * One speedup clear of 1 on its own (p < 0.05) among others that do not move: over every speedup of the
     * report it is no discovery, and the line says so rather than "0 lose it" beside an interval below 1.
     */
    @Test
    void aSpeedupDifferentOnlyOnItsOwnIsCountedAsSuch() {
        List<PointSummary> points = List.of(
                counter("a", 1, 1, 100, 108, 93), counter("a", 2, 2, 82, 89, 76),
                counter("b", 1, 1, 100, 110, 90), counter("b", 2, 2, 100, 111, 91),
                counter("c", 1, 1, 100, 108, 92), counter("c", 2, 2, 101, 109, 93),
                counter("d", 1, 1, 100, 109, 91), counter("d", 2, 2, 99, 108, 92));
        Answers a = Answers.of(points, Rankings.of(points, List.of(), Bounds.NONE), Bounds.NONE, List.of());
        String s = AnswersSection.sentences(a).stream().filter(x -> x.startsWith("Scaling")).findFirst().orElseThrow();
        assertTrue(s.startsWith("Scaling, counters · Counters.increment: 1 → 2 cores, 0 of 4 variants gain throughput, 0 lose it, "
                + "1 more would on its own (no discovery among the report's speedups); highest "), s);
    }

    @Test
    void variantsShownWithinTheBandTieAndADiscoveryIsBehind() {
        List<String> said = sentences(List.of(
                counter("synchronized", 1, 1, 50, 50.5, 49.5, 50.2, 49.8),
                counter("atomicLong", 1, 1, 50.3, 50.6, 49.8, 50.2, 50.1),
                counter("reentrantLock", 1, 1, 10, 10.1, 9.9)));
        String s = said.get(0);
        assertTrue(s.startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): atomicLong and synchronized tie for "
                + "fastest within ±5%, atomicLong ×1 ["), "the baseline tied is not given its own ×1: " + s);
        assertTrue(s.endsWith("] the throughput of synchronized."), "reentrantLock behind is left to the table: " + s);
    }

    @Test
    void twoVariantsShownWithinTheBandAreBothSaidToTie() {
        String s = sentences(List.of(
                counter("synchronized", 1, 1, 50, 50.5, 49.5, 50.2, 49.8),
                counter("atomicLong", 1, 1, 50.3, 50.6, 49.8, 50.2, 50.1))).get(0);
        assertTrue(s.startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): both ranked variants tie within ±5%"), s);
    }

    @Test
    void everyOtherBehindMakesTheFirstFastest() {
        List<PointSummary> points = List.of(
                counter("synchronized", 1, 1, 50, 50.5, 49.5),
                counter("longAdder", 1, 1, 150, 151, 149));
        String s = sentences(points).get(0);
        assertTrue(s.startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): longAdder is fastest, ×3 ["), s);
        String md = section(points);
        assertTrue(md.contains("| longAdder | ×3 \\["), md);
        assertTrue(md.contains("\\] (fastest) |"), md);
    }

    /** A variant ranked alone was measured against nothing: it is not "fastest", whatever the others' one fork showed. */
    @Test
    void aVariantRankedAloneIsTheOnlyOneRankedNotTheFastest() {
        List<PointSummary> points = List.of(
                counter("synchronized", 1, 1, 50), // one fork: not ranked
                counter("semaphore", 1, 1, 20, 20.5, 19.5));
        String s = sentences(points).get(0);
        assertTrue(s.startsWith("Shared counter, Counters.increment, 1 thread (1t/1c): semaphore is the only variant ranked"), s);
        assertFalse(s.contains("fastest"), s);
        String md = section(points);
        assertTrue(md.contains("(only ranked)"), md);
        assertFalse(md.contains("(fastest)"), md);
    }

    @Test
    void everyCellOfTheCounterTableSaysItsStanding() {
        List<PointSummary> points = List.of(
                counter("synchronized", 1, 1, 50, 50.5, 49.5, 50.2, 49.8),
                counter("atomicLong", 1, 1, 50.3, 50.6, 49.8, 50.2, 50.1),
                counter("reentrantLock", 1, 1, 10, 10.1, 9.9),
                counter("synchronized", 2, 2, 20, 20.2, 19.8),
                counter("longAdder", 2, 2, 300, 30));
        String md = section(points);
        // columns 1t/1c and 2t/2c
        assertTrue(md.contains("| atomicLong | ×1 \\[0.994, 1.01\\] (ties) |  |"), md);
        assertTrue(md.contains("| synchronized | ×1 (itself) (ties) | ×1 (itself) (not told apart) |"), md);
        assertTrue(md.contains("| reentrantLock | ×0.2 \\[0.196, 0.204\\] (behind) |  |"), md);
        assertTrue(md.contains("| longAdder |  | ×8.25 \\[1/475000, \\> 1,000,000\\] (highest mean) |"), md);
    }

    @Test
    void modelsWithoutABoundSayWhyAndTheirTableHasNoBoundColumn() {
        PointKey spawn = new PointKey("spawn", "StartJoin.startJoin", "cfCommonPool", "", 2, 1, Mode.AVERAGE_TIME);
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=1", 2, 1, Mode.THROUGHPUT);
        List<PointSummary> points = List.of(
                Synthetic.summary(spawn, Mode.AVERAGE_TIME, 10, 10.5, 9.5),
                Synthetic.summary(spawn.withVariant("platformThread"), Mode.AVERAGE_TIME, 60, 62, 58),
                Synthetic.summary(io, Mode.THROUGHPUT, 1000, 1020, 980),
                Synthetic.summary(io.withVariant("virtualThreads"), Mode.THROUGHPUT, 30000, 31000, 29000));
        String md = section(points);
        // start-up has no bound by nature; io has one, but without the service's facts none was measured
        assertTrue(md.contains("Start-up has no physical bound"), md);
        assertTrue(md.contains("No bound measured here"), md);
        assertFalse(md.contains("of its bound"), md);
        assertTrue(md.contains("| model | × the first \\[95% CI\\] |  |"), md);
    }
}
