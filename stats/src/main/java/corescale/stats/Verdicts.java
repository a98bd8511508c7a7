package corescale.stats;

import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Verdict;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The console lines of one comparison: verdict counts, family means beside the canary, findings, notes. */
final class Verdicts {

    private Verdicts() {
    }

    static void print(CompareResult r, java.util.List<String> findings, PrintStream out) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        r.points().forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder(r.other()).append(" vs ").append(r.base()).append(" (")
                .append(r.design().label()).append("):");
        counts.forEach((v, n) -> s.append(' ').append(v.label()).append(' ').append(n));
        out.println(s);
        // The machine's own speed ratio beside each family's, so that neither is read alone.
        String canary = r.canary().known() ? "; the machine itself: " + r.canary().describe() : "";
        r.families().forEach(f -> out.printf(Locale.ROOT, "  %s: geometric mean ratio %.3f over %d points%s%n",
                f.family(), f.geomean(), f.points(), canary));
        findings.forEach(f -> out.println("  " + f));
        r.mismatches().forEach(m -> out.println("  note: " + m));
        long insufficient = r.points().stream().filter(p -> p.verdict() == Verdict.INSUFFICIENT).count();
        if (insufficient > 0) {
            String why = switch (r.design()) {
                case FORKS -> "fewer than 2 forks in a run";
                case PAIRED -> "fewer than 2 pairs of forks";
                case RUNS -> "fewer than 2 forks in a run, or a run's mean not positive";
            };
            out.println("  " + insufficient + " point" + (insufficient == 1 ? "" : "s") + " insufficient (" + why
                    + "): no verdict, not gated; listed in compare.md");
        }
        if (!r.curves().isEmpty()) {
            out.println("  core counts differ: " + r.curves().size() + " curves compared per core at each run's most cores");
        }
    }
}
