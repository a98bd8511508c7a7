package corescale.stats.report;

import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;

import java.util.List;

/** Renders {@link ThreadsVsProcesses}: the report's section on what sharing the counter across processes costs. */
final class ThreadsVsProcessesTable {

    private ThreadsVsProcessesTable() {
    }

    /** Adds the section when there are rows; nothing otherwise. */
    static void section(Doc doc, List<ThreadsVsProcesses.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        doc.h(1, "Threads vs processes: what sharing the counter across processes costs");
        doc.p("Each row puts a counters point (threads of one JVM) beside the processcounters point with as many "
                + "worker processes, on the same cores, with the same work and mode, for the same kind of guard. Means in "
                + "their unit ± " + Fmt.LEVEL + " CI half-width; the ratio (processes over threads) has a " + Fmt.LEVEL + " interval (Welch's t on the logs of the fork means). "
                + "A variant that loses updates is marked: its speed is not a guard's.");
        // One unit for all rows goes in the headers; rows of thrpt and avgt each show their own.
        List<String> units = rows.stream().map(r -> r.threads().unit()).distinct().toList();
        String header = units.size() == 1 ? " (" + units.get(0) + ")" : "";
        Doc.TableBuilder t = new Doc.TableBuilder().text("guard").text("params").text("at").text("threads variant")
                .num("threads" + header).text("processes variant").num("processes" + header)
                .num("processes / threads (×) [" + Fmt.LEVEL + " CI]").text("note");
        rows.forEach(r -> t.row(cells(r, units.size() > 1)));
        doc.table(t.build());
    }

    /** One row's cells, in the table's column order; {@code withUnit} when the headers cannot name the unit. */
    static List<String> cells(ThreadsVsProcesses.Row r, boolean withUnit) {
        PointKey at = r.threads().key();
        return List.of(Wording.guard(r.guard()), r.params(), at.threads() + " on " + at.cores() + "c" + Fmt.modeSuffix(at.mode()),
                at.variant(), mean(r.threads(), withUnit), r.processes().key().variant(), mean(r.processes(), withUnit),
                RunReport.ratio(r.ratio()), note(r.threadsLose(), r.processesLose()));
    }

    /** A mean, in its own unit where asked: a row of a time mode shows time per operation. */
    private static String mean(PointSummary p, boolean withUnit) {
        return Fmt.num(p.mean()) + (withUnit ? " " + p.unit() : "") + " " + Fmt.plusMinus(p.relCi());
    }

    private static String note(boolean threadsLose, boolean processesLose) {
        if (threadsLose && processesLose) {
            return "both lose updates";
        }
        if (threadsLose) {
            return "threads lose updates";
        }
        return processesLose ? "processes lose updates" : "";
    }
}
