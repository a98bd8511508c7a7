package corescale.stats.report;

import corescale.stats.model.Families;
import corescale.stats.answers.Answers;
import corescale.stats.answers.Answers.Entry;
import corescale.stats.answers.Answers.Ranking;
import corescale.stats.answers.Answers.Standing;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.model.Mode;
import corescale.stats.model.Setting;
import corescale.stats.ranking.Eligibility;
import corescale.stats.ranking.Leads;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.Ratio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders {@link Answers}: one sentence a reader can quote per setting, then its table. The report
 * opens with this section; the console prints the sentences first.
 */
final class AnswersSection {

    private AnswersSection() {
    }

    /**
     * The answers, one sentence each a reader can quote, in the section's order: the report opens with
     * them and the console prints them. The tables after them give every variant.
     */
    static List<String> sentences(Answers a) {
        return lines(a).stream().map(Line::sentence).toList();
    }

    /**
     * What a line answers, the same on every machine that measured it, so that the fleet page sets their
     * answers side by side.
     *
     * @param kind      which of the section's questions
     * @param setting   the benchmark setting asked about; null for threads vs processes
     * @param situation where the counters were ranked (the models: at the most cores); null for the others
     */
    record Question(Kind kind, Setting setting, Answers.Situation situation) {

        enum Kind { SHARED_COUNTER, COUNTERS_NOT_RANKED, EXECUTION_MODELS, SCALING, THREADS_VS_PROCESSES }
    }

    /**
     * One answer, in two parts: its topic, what is asked without where it was measured ("Shared counter,
     * increment [work=0], threads = cores"), and the answer ("(4t/4c): longAdder is fastest, ..."), so
     * that the same question's answers of several machines can be set side by side.
     *
     * @param question what is asked, as a key; the topic words it
     * @param joint    what joins them into the sentence (" ", ": " or nothing)
     */
    record Line(Question question, String topic, String joint, String answer) {

        /** The sentence a reader quotes: the topic, then the answer. */
        String sentence() {
            return topic + joint + answer;
        }
    }

    /** The answers as {@link #sentences} words them, each with its topic. */
    static List<Line> lines(Answers a) {
        List<Line> out = new ArrayList<>();
        counterSettings(a).forEach((setting, rankings) -> {
            String title = Groups.subject(setting);
            rankings.forEach(r -> {
                String topic = "Shared counter, " + title + ", " + situationName(r);
                String place = situationPlace(r);
                out.add(new Line(new Question(Question.Kind.SHARED_COUNTER, setting, r.situation()), topic,
                        place.startsWith(" ") ? " " : "", place.strip() + ": "
                        + ahead(r, "variant").map(h -> h + "; of the ranked, ").orElse("") + leaders(r) + "."));
            });
            notRanked(rankings).ifPresent(n -> out.add(new Line(new Question(Question.Kind.COUNTERS_NOT_RANKED, setting, null),
                    "Shared counter, " + title + ", not ranked", ": ", n + ".")));
        });
        for (Ranking r : a.models()) {
            String topic = "Execution models, " + Groups.subject(r.setting());
            out.add(new Line(new Question(Question.Kind.EXECUTION_MODELS, r.setting(), r.situation()), topic, " ",
                    "at " + Groups.at(r.place().cores(), r.place().threads())
                    + ": " + ahead(r, "model").map(h -> h + "; of the ranked, ").orElse("") + modelSentence(r)
                    + notRanked(List.of(r)).map(n -> "; not ranked: " + n).orElse("") + "."));
        }
        a.scaling().forEach(sc -> out.add(new Line(new Question(Question.Kind.SCALING, sc.setting(), null),
                "Scaling, " + Groups.title(sc.setting()), ": ", scalingSentence(sc) + ".")));
        processesByPlace(a.processes()).forEach((where, rows) -> out.add(new Line(
                new Question(Question.Kind.THREADS_VS_PROCESSES, null, null), "Threads vs processes", " ",
                "at " + where.words() + ": " + processesSentence(rows) + ".")));
        return out;
    }

    /**
     * "1 → 2 cores: 0 of 10 variants gain throughput, 10 lose it; highest longAdder ×0.903 [0.851, 0.958]
     * (45% of linear), lowest ...". Gains and losses are discoveries ({@link Answers.Change}), else neither;
     * only the variants ranked at both ends are counted ({@link Answers.Scaling}), the others named
     * ("; not ranked: asyncChannels, ...", the table gives theirs).
     */
    private static String scalingSentence(Answers.Scaling sc) {
        List<Answers.Speedup> ranked = sc.ranked();
        List<String> left = sc.notRanked().stream().map(s -> s.to().key().variant()).toList();
        String notRanked = left.isEmpty() ? "" : "; not ranked: " + String.join(", ", left);
        Answers.Speedup any = sc.speedups().get(0);
        String range = any.from().key().cores() + " → " + any.to().key().cores() + " cores";
        if (ranked.isEmpty()) {
            return range + ", no variant ranked at both" + notRanked;
        }
        Answers.Speedup top = ranked.get(0);
        Answers.Speedup bottom = ranked.get(ranked.size() - 1);
        if (ranked.size() == 1) {
            return range + ", " + top.to().key().variant() + " " + speedup(top) + notRanked;
        }
        int gain = sc.gain();
        int lose = sc.lose();
        int alone = sc.aloneOnly();
        String aloneOnly = alone == 0 ? "" : ", " + alone + " more would on " + (alone == 1 ? "its" : "their")
                + " own (no discovery among the report's speedups)";
        return range + ", " + gain + " of " + ranked.size() + (left.isEmpty() ? "" : " ranked") + " variants gain throughput, "
                + lose + (lose == 1 ? " loses" : " lose") + " it" + aloneOnly + "; highest " + top.to().key().variant() + " " + speedup(top)
                + ", lowest " + bottom.to().key().variant() + " " + speedup(bottom) + notRanked;
    }

    private static String speedup(Answers.Speedup s) {
        return withInterval(s.speedup()) + " (" + Fmt.pct(s.efficiency()) + " of linear)";
    }

    /** The table's word for a speedup's change: "gains", "loses", or nothing. */
    private static String change(Answers.Speedup s) {
        return switch (s.change()) {
            case GAINS -> "gains";
            case LOSES -> "loses";
            case NEITHER -> s.tested().aloneOnly() ? "neither" + q(s.tested()) : "";
        };
    }

    /** ", q = 0.081" where a difference is one on its own but not a discovery among its family's tests; else empty. */
    private static String q(Answers.Tested t) {
        return t.aloneOnly() ? ", q = " + Fmt.p(t.q()) : "";
    }

    /** Where a threads-vs-processes row was measured: threads, cores and mode (a row each with -bm thrpt,avgt). */
    private record Where(int cores, int threads, Mode mode) {
        /** "2t/2c", with " (avgt)" for a time mode. */
        String words() {
            return Groups.at(cores, threads) + Fmt.modeSuffix(mode);
        }
    }

    /** Rows by where they were measured, in order. */
    private static Map<Where, List<ThreadsVsProcesses.Row>> processesByPlace(List<ThreadsVsProcesses.Row> rows) {
        Map<Where, List<ThreadsVsProcesses.Row>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(new Where(r.threads().key().cores(), r.threads().key().threads(),
                r.threads().key().mode()), w -> new ArrayList<>()).add(r));
        return out;
    }

    /** "a lock across processes (fileLock) runs at ×0.1 [0.08, 0.12] of one in threads (reentrantLock); ..." */
    private static String processesSentence(List<ThreadsVsProcesses.Row> rows) {
        return rows.stream().map(r -> Wording.guard(r.guard()) + " across processes (" + r.processes().key().variant() + ") runs at "
                + withInterval(r.ratio()) + " of threads (" + r.threads().key().variant() + ")"
                + (r.threadsLose() || r.processesLose() ? ", loses updates" : "")).collect(Collectors.joining("; "));
    }

    static void add(Doc doc, Answers a) {
        if (a.counters().isEmpty() && a.models().isEmpty() && a.scaling().isEmpty() && a.processes().isEmpty()) {
            return;
        }
        doc.lead("Answers");
        doc.p("Ratios are throughputs (time per operation as its inverse) with " + Fmt.LEVEL + " intervals; \"fastest\" only where "
                + "every other is shown behind, a tie " + Fmt.WITHIN_BAND + ", \"not told apart\" where the forks cannot say "
                + "(how each is decided: after the tables).");
        doc.bullets(sentences(a));
        Map<Setting, List<Ranking>> counters = counterSettings(a);
        if (!counters.isEmpty()) {
            doc.h(2, "Shared counter: which guard, at 1 thread, at threads = cores, oversubscribed");
            counters.forEach((setting, rankings) -> {
                doc.h(3, Groups.subject(setting));
                counterTable(doc, rankings);
            });
        }
        if (!a.models().isEmpty()) {
            doc.h(2, "Execution models: which model for the task, at the most cores");
            for (Ranking r : a.models()) {
                doc.h(3, Groups.subject(r.setting()) + " at " + Groups.at(r.place().cores(), r.place().threads()));
                List<Entry> entries = shown(r).toList();
                boolean bounded = entries.stream().anyMatch(e -> e.bound().hasBound());
                if (!bounded) {
                    doc.p(r.place().family().equals(Families.START_UP)
                            ? "Start-up has no physical bound: the time is each model's own cost, set against the others alone."
                            : "No bound measured here (it needs the sequential variant, or the service's facts): the models are set against each other alone.");
                }
                Doc.TableBuilder t = new Doc.TableBuilder().text("model").num("× the first [" + Fmt.LEVEL + " CI]");
                if (bounded) {
                    t.num("of its bound");
                }
                t.text("");
                for (Entry e : entries) {
                    List<String> cells = new ArrayList<>(List.of(e.point().key().variant(), withInterval(e.vsBaseline())));
                    if (bounded) {
                        cells.add(ofBound(e));
                    }
                    cells.add(mark(r, e));
                    t.row(cells);
                }
                doc.table(t.build());
            }
        }
        if (!a.scaling().isEmpty()) {
            doc.h(2, "Scaling: how each variant's throughput grows with cores");
            a.scaling().forEach(sc -> {
                doc.h(3, Groups.title(sc.setting()));
                Doc.TableBuilder t = new Doc.TableBuilder().text("variant").text("from → to").num("speedup [" + Fmt.LEVEL + " CI]")
                        .num("of linear").text("");
                for (Answers.Speedup s : sc.speedups()) {
                    t.row(s.to().key().variant(), Groups.at(s.from().key().cores(), s.from().key().threads()) + " → "
                            + Groups.at(s.to().key().cores(), s.to().key().threads()), withInterval(s.speedup()),
                            Fmt.pct(s.efficiency()), change(s) + (s.ranked() ? "" : (change(s).isEmpty() ? "" : ", ") + "not ranked"));
                }
                doc.table(t.build());
            });
        }
        doc.h(2, "How the answers are decided");
        doc.p("The first is the ranked "
                + "variant with the highest mean; it is fastest only where every other is behind it. A variant ties with the "
                + "first when an equivalence test puts it " + Fmt.WITHIN_BAND + " of it (at " + Fmt.rate(FalseDiscovery.ALPHA) + "), is behind it when "
                + "otherwise their difference is a discovery (" + (a.pairedByRound() ? "the logs of fork means paired by round"
                        : "Welch's t on the logs of fork means") + ", " + Fmt.rate(FalseDiscovery.ALPHA) + " false-discovery "
                + "rate over every difference from the first in these answers), and is otherwise not told apart from it: "
                + "its forks are too few or spread too wide to say. A speedup is a gain or a loss when its difference "
                + "from 1 is a discovery among every speedup of the report; it compares two points measured minutes apart, "
                + "and its interval adds to their forks' spread the machine's drift within the run, as the canary measured it "
                + "(stats/STATISTICS.md, \"Still measured apart\"). Where a variant not told apart from the first, "
                + "or a speedup neither gain nor loss, would differ at " + Fmt.rate(FalseDiscovery.ALPHA) + " on its own, its q (its p adjusted over its tests) "
                + "follows it. A variant of one fork, that loses updates or that the "
                + "service holds back is named, never ranked; one held back that is still shown faster than every ranked "
                + "one is given first, as at least that fast. " + (a.pairedByRound()
                        ? "The variants of a place were measured fork by fork in turn, and a ratio of two pairs their forks "
                        + "of the same round, so that the machine's drift between rounds falls on both alike; a difference of a "
                        + "few percent may still not repeat in a run made an hour later (stats/STATISTICS.md, \"Ratios of two "
                        + "points\"). "
                        : "The intervals cover the forks, which ran back to back: a difference of a few percent between "
                        + "variants may not repeat in the next run (stats/STATISTICS.md, \"Ratios of two points\"); the large "
                        + "ones do. ")
                + "The tables after the answers give every variant.");
    }

    /** Counters rankings by setting ("Counters.increment [workInside=0;workOutside=0]"), situations in order. */
    private static Map<Setting, List<Ranking>> counterSettings(Answers a) {
        Map<Setting, List<Ranking>> out = new LinkedHashMap<>();
        a.counters().forEach(r -> out.computeIfAbsent(r.setting(), t -> new ArrayList<>()).add(r));
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Ranking::situation)));
        return out;
    }

    /** "1 thread", "threads = cores", "oversubscribed"; empty at the most cores. */
    private static String situationName(Ranking r) {
        return switch (r.situation()) {
            case ONE_THREAD -> "1 thread";
            case THREADS_EQUAL_CORES -> "threads = cores";
            case OVERSUBSCRIBED -> "oversubscribed";
            case MOST_CORES -> "";
        };
    }

    /** " (1t/1c)" after a situation's name, or the place alone at the most cores. */
    private static String situationPlace(Ranking r) {
        String where = Groups.at(r.place().cores(), r.place().threads());
        return r.situation() == Answers.Situation.MOST_CORES ? where : " (" + where + ")";
    }

    /**
     * "virtualThreads ×35 [30, 41] and asyncChannels ×34 [29, 40] the throughput of processes: faster than every
     * ranked model even though held back by the service or the CPUs it shares, so at least that fast, their own
     * order unknown",
     * the variants {@link Standing#AHEAD_HELD_BACK}; empty without any.
     */
    private static Optional<String> ahead(Ranking r, String what) {
        if (r.ahead().isEmpty()) {
            return Optional.empty();
        }
        String each = Wording.and(r.ahead().stream().map(e -> e.point().key().variant() + " " + withInterval(e.vsBaseline())).toList());
        return Optional.of(each + " the throughput of " + r.baseline() + ": faster than every ranked " + what + " even though "
                + Wording.notRanked(Eligibility.Reason.SERVICE_BOUND) + ", so at least that fast"
                + (r.ahead().size() > 1 ? ", their own order unknown" : ""));
    }

    /**
     * "virtualThreads has the highest mean (at 91% of its bound); not told apart from it: fixedPool ×0.999 [0.875, 1.14]
     * of it; then ... of virtualThreads", or "fixedPool and processes tie for fastest within ±5% (...)".
     */
    private static String modelSentence(Ranking r) {
        if (r.outcome() == Answers.Outcome.NONE_RANKED) {
            return "no model may be ranked";
        }
        Entry first = r.ranked().get(0);
        List<Entry> tied = r.standing(Standing.TIED);
        List<Entry> open = r.standing(Standing.NOT_TOLD_APART);
        List<Entry> behind = r.standing(Standing.BEHIND);
        List<String> notes = new ArrayList<>();
        if (Double.isFinite(first.ofBound())) {
            notes.add((tied.isEmpty() ? "" : first.point().key().variant() + " ") + "at " + Fmt.pct(first.ofBound()) + " of its bound"
                    + (first.bound().aboveByMeanOnly() ? ", above it by the mean only" : ""));
        }
        if (!tied.isEmpty()) {
            notes.add(listed(r, Standing.TIED) + " of it");
        }
        return who(r) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
                + (open.isEmpty() ? "" : "; not told apart from " + (tied.isEmpty() ? "it" : "them") + ": " + listed(r, Standing.NOT_TOLD_APART) + " of it")
                + (behind.isEmpty() ? "" : "; then " + listed(r, Standing.BEHIND) + " of " + first.point().key().variant());
    }

    /**
     * The first and the variants tied with it, by the ranking's {@link Answers.Outcome}: "a is the only variant ranked",
     * "a is fastest", "a and b tie for fastest within ±5%", "all 6 ranked variants tie within ±5%" ("both" for 2),
     * or, where some are not told apart from them, "a has the highest mean" and "a and b tie within ±5% with the
     * highest means": no lead is claimed.
     */
    private static String who(Ranking r) {
        String within = " " + Fmt.WITHIN_BAND;
        String top = names(r.top());
        return switch (r.outcome()) {
            case NONE_RANKED -> throw new IllegalArgumentException("no variant ranked at " + r.place());
            case ONLY_RANKED -> top + " is the only variant ranked";
            case ALL_TIE -> (r.ranked().size() == 2 ? "both" : "all " + r.ranked().size()) + " ranked variants tie" + within;
            case TIE_FOR_FASTEST -> top + " tie for fastest" + within;
            case TIE_WITH_HIGHEST_MEANS -> top + " tie" + within + " with the highest means";
            case FASTEST -> top + " is fastest";
            case HIGHEST_MEAN -> top + " has the highest mean";
        };
    }

    /** "91%", or "110% (by the mean only)" above the bound by its mean alone ({@link corescale.stats.bounds.Bound#aboveByMeanOnly}). */
    private static String ofBound(Entry e) {
        return Fmt.pct(e.ofBound()) + (e.bound().aboveByMeanOnly() ? " (by the mean only)" : "");
    }

    /**
     * The table's word for a variant's standing, with its q where its interval alone would say more; the first
     * is "fastest" only where every other is behind it, as in the sentence.
     */
    private static String mark(Ranking r, Entry e) {
        return switch (e.standing()) {
            case FIRST -> switch (r.outcome()) {
                case ONLY_RANKED -> "only ranked";
                case ALL_TIE, TIE_FOR_FASTEST, TIE_WITH_HIGHEST_MEANS -> "ties";
                case FASTEST -> "fastest";
                case HIGHEST_MEAN, NONE_RANKED -> "highest mean";
            };
            case TIED -> "ties";
            case NOT_TOLD_APART -> "not told apart" + q(e.vsFirst());
            case BEHIND -> "behind";
            case AHEAD_HELD_BACK -> "faster than every ranked, though held back";
        };
    }

    /** The ranked variants standing so: each with its ratio when few, else how many and their range. */
    private static String listed(Ranking r, Standing s) {
        List<Entry> entries = r.standing(s);
        if (entries.size() <= MAX_LISTED) {
            return entries.stream().map(e -> e.point().key().variant() + (isBaseline(e.vsBaseline())
                            ? " (the baseline)" : " " + withInterval(e.vsBaseline()))
                    + (e.standing() == Standing.NOT_TOLD_APART && e.vsFirst().aloneOnly() ? " (q = " + Fmt.p(e.vsFirst().q()) + ")" : ""))
                    .collect(Collectors.joining(", ")); // a tie is shown, whatever its difference's q
        }
        Answers.Range range = r.vsBaseline(s);
        return entries.size() + " others, " + times(range.low()) + " to " + times(range.high());
    }

    /** Up to this many variants are each named with their interval; more read as one range. */
    private static final int MAX_LISTED = 3;

    /**
     * Counters: "longAdder is fastest, ×12.5 [7.27, 22.3] the throughput of synchronized"; a wide tie as one
     * range; then the variants not told apart from the first, "; not told apart from it: a ×0.9 [0.5, 1.6]".
     */
    private static String leaders(Ranking r) {
        if (r.outcome() == Answers.Outcome.NONE_RANKED) {
            return "no variant may be ranked";
        }
        List<Entry> top = r.top();
        List<Entry> open = r.standing(Standing.NOT_TOLD_APART);
        String rest = open.isEmpty() ? "" : "; not told apart from " + (top.size() == 1 ? "it" : "them") + ": " + listed(r, Standing.NOT_TOLD_APART);
        if (r.baseline().isEmpty()) {
            return who(r) + rest;
        }
        String of = " the throughput of " + r.baseline();
        if (top.size() == 1 && isBaseline(top.get(0).vsBaseline())) {
            return who(r) + rest + (open.isEmpty() ? "" : of); // the baseline leads: its own ratio says nothing
        }
        if (top.size() > MAX_LISTED) {
            Answers.Range range = r.vsBaseline(Standing.FIRST, Standing.TIED);
            return who(r) + ", " + times(range.low()) + " to " + times(range.high()) + of + rest;
        }
        List<Entry> notBaseline = top.stream().filter(e -> !isBaseline(e.vsBaseline())).toList();
        if (notBaseline.size() < top.size()) { // the baseline ties with them: the others' ratios, each named
            return who(r) + ", " + notBaseline.stream().map(e -> e.point().key().variant() + " " + withInterval(e.vsBaseline()))
                    .collect(Collectors.joining(", ")) + of + rest;
        }
        return who(r) + ", " + top.stream().map(e -> withInterval(e.vsBaseline())).collect(Collectors.joining(", ")) + of + rest;
    }

    /** Whether {@code r} is the baseline's ratio to itself ({@link Ratio#ONE}). */
    private static boolean isBaseline(Ratio r) {
        return r.method() == Ratio.Method.IDENTITY;
    }

    /** "×2.78 [1.92, 4.02]"; the baseline itself "×1 (itself)". */
    private static String withInterval(Ratio r) {
        if (isBaseline(r)) {
            return "×1 (itself)";
        }
        return Double.isFinite(r.low()) ? Fmt.timesWithInterval(r.value(), r.low(), r.high())
                : times(r.value()) + " (no interval: " + r.method().label() + ")";
    }

    /** A ratio without exponents: "×2.78", and "×1/2110" for one far below 1. */
    private static String times(double x) {
        return "×" + plain(x);
    }

    private static String plain(double x) {
        return Fmt.ratio(x);
    }

    private static String names(List<Entry> entries) {
        return Wording.and(entries.stream().map(e -> e.point().key().variant()).toList());
    }

    /**
     * Rows: variants; columns: the situations; each cell the ratio to the baseline and the standing
     * against the first, which that ratio does not show (every cell marked: the interval to the
     * baseline may hold 1 where the variant is behind the first, or exclude 1 where it ties).
     */
    private static void counterTable(Doc doc, List<Ranking> rankings) {
        Doc.TableBuilder t = new Doc.TableBuilder().text("variant");
        for (Ranking r : rankings) {
            t.num(Groups.at(r.place().cores(), r.place().threads()) + " × " + (r.baseline().isEmpty() ? "–" : r.baseline()));
        }
        List<String> variants = rankings.stream().flatMap(AnswersSection::shown).map(e -> e.point().key().variant())
                .distinct().toList();
        for (String v : variants) {
            List<String> row = new ArrayList<>(List.of(v));
            for (Ranking r : rankings) {
                row.add(shown(r).filter(e -> e.point().key().variant().equals(v)).findFirst()
                        .map(e -> withInterval(e.vsBaseline()) + " (" + mark(r, e) + ")").orElse(""));
            }
            t.row(row.toArray(String[]::new));
        }
        doc.table(t.build());
    }

    /** The variants a table shows: those ahead though held back, then the ranked. */
    private static java.util.stream.Stream<Entry> shown(Ranking r) {
        return java.util.stream.Stream.concat(r.ahead().stream(), r.ranked().stream());
    }

    /** "semaphorePermits at 2t/2c, 4t/2c (lost updates)", the variants left out of these rankings, or empty. */
    private static Optional<String> notRanked(List<Ranking> rankings) {
        Map<String, Map<String, List<String>>> byReason = new LinkedHashMap<>(); // reason -> variant -> where
        for (Ranking r : rankings) {
            r.unranked().forEach(u -> byReason.computeIfAbsent(Wording.notRanked(u.reason()), x -> new LinkedHashMap<>())
                    .computeIfAbsent(u.variant(), x -> new ArrayList<>()).add(Groups.at(r.place().cores(), r.place().threads())));
        }
        if (byReason.isEmpty()) {
            return Optional.empty();
        }
        boolean oneplace = rankings.size() == 1;
        return Optional.of(byReason.entrySet().stream().map(e -> e.getValue().entrySet().stream()
                        .map(v -> v.getKey() + (oneplace ? "" : " at " + String.join(", ", v.getValue())))
                        .collect(Collectors.joining(", ")) + " (" + e.getKey() + ")")
                .collect(Collectors.joining("; ")));
    }
}
