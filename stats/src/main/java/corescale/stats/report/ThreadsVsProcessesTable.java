package corescale.stats.report;

import corescale.stats.contention.ThreadsVsProcesses;

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
                + "worker processes, on the same cores, with the same work, for the same kind of guard. Means in ops/us "
                + "± " + Fmt.LEVEL + " CI half-width; the ratio (processes over threads) has a " + Fmt.LEVEL + " interval (Welch's t on the logs of the fork means). "
                + "A variant that loses updates is marked: its speed is not a guard's.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("guard").text("params").text("at").text("threads variant")
                .num("threads (ops/us)").text("processes variant").num("processes (ops/us)")
                .num("processes / threads (×) [" + Fmt.LEVEL + " CI]").text("note");
        rows.forEach(r -> t.row(cells(r)));
        doc.table(t.build());
    }

    /** One row's cells, in the table's column order. */
    static List<String> cells(ThreadsVsProcesses.Row r) {
        return List.of(Wording.guard(r.guard()), r.params(), r.threads().key().threads() + " on " + r.threads().key().cores() + "c",
                r.threads().key().variant(), Fmt.num(r.threads().mean()) + " " + Fmt.plusMinus(r.threads().relCi()),
                r.processes().key().variant(), Fmt.num(r.processes().mean()) + " " + Fmt.plusMinus(r.processes().relCi()),
                RunReport.ratio(r.ratio()), note(r.threadsLose(), r.processesLose()));
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
