package corescale.stats.report;

import corescale.stats.answers.Answers;
import corescale.stats.answers.Answers.Entry;
import corescale.stats.answers.Answers.Ranking;
import corescale.stats.answers.Answers.Situation;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.ranking.Leads;
import corescale.stats.summary.Ratio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link Answers}: one sentence a reader can quote per setting, then its table. The report
 * opens with this section; the console prints the sentences first.
 */
final class AnswersSection {

    private AnswersSection() {
    }

    /** The sentences, in the section's order: what the console prints before the findings. */
    static List<String> sentences(Answers a) {
        List<String> out = new ArrayList<>();
        counterSettings(a).forEach((title, rankings) -> out.add("shared counter · " + title + ": " + counterSentence(rankings)));
        a.models().forEach(r -> out.add("execution models · " + title(r.place()) + ": " + modelSentence(r)));
        scalingSettings(a).forEach((title, speedups) -> out.add("scaling · " + title + ": " + scalingSentence(speedups)));
        if (!a.processes().isEmpty()) {
            out.add("threads vs processes: " + processesSentence(a.processes()));
        }
        return out;
    }

    /** Speedups by setting title, in order. */
    private static Map<String, List<Answers.Speedup>> scalingSettings(Answers a) {
        Map<String, List<Answers.Speedup>> out = new LinkedHashMap<>();
        a.scaling().forEach(s -> out.computeIfAbsent(Groups.title(s.to().key().family(), s.to().key().benchmark(),
                s.to().key().params(), s.to().mode()), t -> new ArrayList<>()).add(s));
        return out;
    }

    /** "from 1 to 2 cores, speedups from ×0.28 [0.12, 0.59] (synchronized) to ×1.38 [1.27, 1.5] (longAdder)". */
    private static String scalingSentence(List<Answers.Speedup> speedups) {
        Answers.Speedup top = speedups.get(0);
        Answers.Speedup bottom = speedups.get(speedups.size() - 1);
        String range = "from " + top.from().key().cores() + " to " + top.to().key().cores() + " cores";
        if (speedups.size() == 1) {
            return range + " " + top.to().key().variant() + " " + speedup(top);
        }
        return range + ", speedups from " + speedup(bottom) + " (" + bottom.to().key().variant() + ") to "
                + speedup(top) + " (" + top.to().key().variant() + ")";
    }

    private static String speedup(Answers.Speedup s) {
        return withInterval(s.speedup()) + ", " + Fmt.pct(s.efficiency()) + " of linear";
    }

    /** "lock ×0.1 [0.08, 0.12] (fileLock over reentrantLock at 2t/2c); ..." */
    private static String processesSentence(List<ThreadsVsProcesses.Row> rows) {
        return "processes over threads, same guard and work: " + rows.stream().map(r -> r.guard() + " "
                + withInterval(r.ratio()) + " (" + r.processes().key().variant() + " over " + r.threads().key().variant()
                + " at " + Groups.at(r.threads().key().cores(), r.threads().key().threads())
                + (r.threadsLose() || r.processesLose() ? ", loses updates" : "") + ")").collect(Collectors.joining("; "));
    }

    static void add(Doc doc, Answers a) {
        if (a.counters().isEmpty() && a.models().isEmpty() && a.scaling().isEmpty() && a.processes().isEmpty()) {
            return;
        }
        doc.lead("Answers");
        doc.p("Leaders are the fastest variant and every variant whose difference from it is not a discovery (Welch's t on "
                + "the logs of fork means, adjusted over all of this section's comparisons, 5% false-discovery rate): a tie "
                + "stays a tie. Ratios are throughputs (time per operation as its inverse), with 95% intervals; "
                + "a variant of one fork, or that loses updates, is named but not ranked. The tables below give every variant.");
        doc.bullets(sentences(a));
        Map<String, List<Ranking>> counters = counterSettings(a);
        if (!counters.isEmpty()) {
            doc.h(2, "Shared counter: which guard, at 1 thread, at threads = cores, oversubscribed");
            counters.forEach((title, rankings) -> {
                doc.h(3, title);
                doc.p(counterSentence(rankings));
                counterTable(doc, rankings);
                unranked(doc, rankings);
            });
        }
        if (!a.models().isEmpty()) {
            doc.h(2, "Execution models: which model for the task, at the most cores");
            for (Ranking r : a.models()) {
                doc.h(3, title(r.place()) + " at " + Groups.at(r.place().cores(), r.place().threads()));
                doc.p(modelSentence(r));
                Doc.TableBuilder t = new Doc.TableBuilder().text("model").num("× the best [95% CI]").num("of its bound").text("");
                for (Entry e : r.ranked()) {
                    t.row(e.point().key().variant(), withInterval(e.vsBaseline()), Fmt.pct(e.ofBound()),
                            e.leading() ? "leads" : "");
                }
                doc.table(t.build());
                unranked(doc, List.of(r));
            }
        }
        Map<String, List<Answers.Speedup>> scaling = scalingSettings(a);
        if (!scaling.isEmpty()) {
            doc.h(2, "Scaling: how each variant's throughput grows with cores");
            scaling.forEach((title, speedups) -> {
                doc.h(3, title);
                doc.p(scalingSentence(speedups));
                Doc.TableBuilder t = new Doc.TableBuilder().text("variant").text("from → to").num("speedup [95% CI]")
                        .num("of linear").text("");
                for (Answers.Speedup s : speedups) {
                    t.row(s.to().key().variant(), Groups.at(s.from().key().cores(), s.from().key().threads()) + " → "
                            + Groups.at(s.to().key().cores(), s.to().key().threads()), withInterval(s.speedup()),
                            Fmt.pct(s.efficiency()), s.ranked() ? "" : "not ranked");
                }
                doc.table(t.build());
            });
        }
        if (!a.processes().isEmpty()) {
            doc.h(2, "Threads vs processes: what sharing the counter across processes costs");
            doc.p(processesSentence(a.processes()));
        }
    }

    /** Counters rankings by setting ("Counters.increment [workInside=0;workOutside=0]"), situations in order. */
    private static Map<String, List<Ranking>> counterSettings(Answers a) {
        Map<String, List<Ranking>> out = new LinkedHashMap<>();
        a.counters().forEach(r -> out.computeIfAbsent(title(r.place()), t -> new ArrayList<>()).add(r));
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Ranking::situation)));
        return out;
    }

    private static String title(Leads.Place p) {
        return Groups.title(p.family(), p.benchmark(), p.params(), p.mode()).substring(p.family().length() + 3);
    }

    private static String situation(Ranking r) {
        Leads.Place p = r.place();
        String where = Groups.at(p.cores(), p.threads());
        return switch (r.situation()) {
            case ONE_THREAD -> "at 1 thread (" + where + ")";
            case THREADS_EQUAL_CORES -> "at threads = cores (" + where + ")";
            case OVERSUBSCRIBED -> "oversubscribed (" + where + ")";
            case MOST_CORES -> "at " + where;
        };
    }

    /** "at 1 thread (1t/1c) atomicLong leads (×1.93 [1.85, 2.01] of synchronized); at threads = cores ..." */
    private static String counterSentence(List<Ranking> rankings) {
        return rankings.stream().map(r -> situation(r) + " " + leaders(r, "of " + r.baseline())).collect(Collectors.joining("; "));
    }

    private static String modelSentence(Ranking r) {
        if (r.ranked().isEmpty()) {
            return "no model may be ranked " + situation(r);
        }
        List<Entry> rest = r.ranked().stream().filter(e -> !e.leading()).toList();
        String behind = rest.isEmpty() ? "" : "; the others " + times(rest.get(0).vsBaseline().value())
                + (rest.size() == 1 ? "" : " to " + times(rest.get(rest.size() - 1).vsBaseline().value())) + " of it";
        return situation(r) + " " + leaders(r, "of the best") + behind;
    }

    private static String leaders(Ranking r, String what) {
        List<Entry> leaders = r.leaders();
        if (leaders.isEmpty()) {
            return "no variant may be ranked";
        }
        if (leaders.size() >= 3) {
            // A wide tie reads as one: how many, and how far apart their ratios are.
            double lo = leaders.stream().mapToDouble(e -> e.vsBaseline().value()).min().orElse(Double.NaN);
            double hi = leaders.stream().mapToDouble(e -> e.vsBaseline().value()).max().orElse(Double.NaN);
            return leaders.size() + " variants tied at the top (" + names(leaders) + ")"
                    + (r.baseline().isEmpty() || !Double.isFinite(lo) ? "" : ", " + times(lo) + " to " + times(hi) + " " + what);
        }
        String ratios = leaders.stream().map(e -> withInterval(e.vsBaseline())).collect(Collectors.joining(", "));
        return names(leaders) + (leaders.size() == 1 ? " leads" : " lead, tied")
                + (r.baseline().isEmpty() ? "" : " (" + ratios + " " + what + ")");
    }

    /** "×2.78 [1.92, 4.02]"; the baseline itself "×1 (baseline)". */
    private static String withInterval(Ratio r) {
        if (r.method().equals(Ratio.ONE.method())) {
            return "×1 (itself)";
        }
        return times(r.value()) + (Double.isFinite(r.low()) ? " [" + plain(r.low()) + ", " + plain(r.high()) + "]" : " (no interval: " + r.method() + ")");
    }

    /** A ratio without exponents: "×2.78", and "×1/2110" for one far below 1. */
    private static String times(double x) {
        return "×" + plain(x);
    }

    private static String plain(double x) {
        return Fmt.ratio(x);
    }

    private static String names(List<Entry> entries) {
        List<String> n = entries.stream().map(e -> e.point().key().variant()).toList();
        return n.size() <= 1 ? String.join("", n) : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    /** Rows: variants; columns: the situations; each cell the ratio to the baseline, leaders marked. */
    private static void counterTable(Doc doc, List<Ranking> rankings) {
        Doc.TableBuilder t = new Doc.TableBuilder().text("variant");
        for (Ranking r : rankings) {
            t.num(Groups.at(r.place().cores(), r.place().threads()) + " × " + (r.baseline().isEmpty() ? "–" : r.baseline()));
        }
        List<String> variants = rankings.stream().flatMap(r -> r.ranked().stream()).map(e -> e.point().key().variant())
                .distinct().toList();
        for (String v : variants) {
            List<String> row = new ArrayList<>(List.of(v));
            for (Ranking r : rankings) {
                row.add(r.ranked().stream().filter(e -> e.point().key().variant().equals(v)).findFirst()
                        .map(e -> withInterval(e.vsBaseline()) + (e.leading() ? " (leads)" : "")).orElse(""));
            }
            t.row(row.toArray(String[]::new));
        }
        doc.table(t.build());
    }

    private static void unranked(Doc doc, List<Ranking> rankings) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Ranking r : rankings) {
            r.unranked().forEach(u -> byReason.computeIfAbsent(u.reason(), x -> new ArrayList<>())
                    .add(u.variant() + " at " + Groups.at(r.place().cores(), r.place().threads())));
        }
        if (!byReason.isEmpty()) {
            doc.p("Not ranked: " + byReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                    .collect(Collectors.joining("; ")) + ".");
        }
    }
}
