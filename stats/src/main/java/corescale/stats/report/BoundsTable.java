package corescale.stats.report;

import java.util.List;
import java.util.Map;

import corescale.stats.bounds.Bound;
import corescale.stats.bounds.Bounds;
import corescale.stats.model.PointKey;
import corescale.stats.model.Setting;
import corescale.stats.model.Units;

/** The report's "Bounds" section and the bound shown in each point table cell. */
final class BoundsTable {

    private BoundsTable() {
    }

    /** {@code " · 0.97 of bound"}, saying so above the bound (shown, or by the mean only); empty when the point has none. */
    static String cellSuffix(Bound b) {
        if (!b.hasBound()) {
            return "";
        }
        return " · " + Fmt.num3(b.ofBound()) + " of bound" + (b.aboveBound() ? " (above it: measurement error)"
                : b.aboveByMeanOnly() ? " (above it by the mean only)" : "");
    }

    /** @param units each benchmark's display unit, the one of its table and charts */
    static void add(Doc doc, Bounds bounds, Map<Setting, DisplayUnit> units) {
        List<Bound> rows = bounds.all().stream().filter(b -> b.hasBound() || Double.isFinite(b.facts().latencyVsDelay())).toList();
        if (rows.isEmpty()) {
            return;
        }
        doc.h(1, "Bounds");
        doc.p("Each point against its physical bound: for CPU-bound models, cores × the throughput of the benchmark's "
                + "sequential variant at the same core count; for models waiting on a service, requests in flight / "
                + "the service's delay (Little's law). A point shown above " + Fmt.times(Bound.ABOVE_BOUND) + " its bound "
                + "(the " + Fmt.LEVEL + " interval of \"of bound\" above it, the sequential point's forks counted too) is a "
                + "measurement error, not a win; a mean above it whose interval reaches below is above it by the mean "
                + "only. \"latency / delay\" is the mean latency the client observed per "
                + "request over the service's delay: above " + Fmt.times(Bound.SERVICE_BOUND) + " the service or the "
                + "shared CPUs set the pace (service-bound), not the model.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").text("at")
                .num("mean").num("bound").num("of bound [" + Fmt.LEVEL + " CI]").num("latency / delay").text("basis").text("verdict");
        for (Bound b : rows) {
            PointKey k = b.key();
            t.row(k.benchmark(), k.variant(), k.params(), Groups.at(k.cores(), k.threads()),
                    b.hasBound() ? shown(b, b.mean(), units) : "–", b.hasBound() ? shown(b, b.bound(), units) : "–",
                    b.hasBound() ? ofBound(b) : "–",
                    Double.isFinite(b.facts().latencyVsDelay()) ? Fmt.num3(b.facts().latencyVsDelay()) : "–",
                    basis(b), verdict(b));
        }
        doc.table(t.build());
    }

    /** A throughput (bounds are of throughput points) in its benchmark's unit, e.g. "95.39 ops/s". */
    private static String shown(Bound b, double opsPerUs, Map<Setting, DisplayUnit> units) {
        PointKey k = b.key();
        DisplayUnit u = units.getOrDefault(Setting.of(k), DisplayUnit.forValues(Units.THROUGHPUT, b.mean(), b.bound()));
        return Fmt.num(opsPerUs * u.factor()) + " " + u.unit();
    }

    /** "2 cores × sequential", "8 in flight / 1000 us": how the bound was found, with its numbers. */
    static String basis(Bound b) {
        int cores = b.key().cores();
        return switch (b.basis()) {
            case NONE -> "";
            case CORES_TIMES_SEQUENTIAL -> cores + (cores == 1 ? " core × " : " cores × ") + Bounds.SEQUENTIAL;
            case IN_FLIGHT_OVER_SERVICE_TIME -> "concurrency / service time (" + Fmt.num(b.facts().concurrency())
                    + " in flight / " + Fmt.num(b.facts().serviceTimeUs()) + " us)";
        };
    }

    /** "0.97 [0.94, 1]"; the value alone where the forks give no interval. */
    private static String ofBound(Bound b) {
        return Fmt.withInterval(b.ofBound(), b.ofBoundLow(), b.ofBoundHigh());
    }

    private static String verdict(Bound b) {
        List<String> said = new java.util.ArrayList<>();
        if (b.aboveBound()) {
            said.add("above its bound: measurement error");
        } else if (b.aboveByMeanOnly()) {
            said.add("above it by the mean only");
        }
        if (b.serviceBound()) {
            said.add("service-bound");
        }
        return String.join("; ", said);
    }
}
