package corescale.stats.compare;

import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.scaling.UslFit;

import corescale.stats.model.Curve;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares each curve by throughput per core at each run's largest core count (the point with
 * threads = cores there, else the best point at those cores). It says how much each machine gets
 * out of one core when all of them are busy; it does not extrapolate either curve. Beside it, each
 * run's USL fit over cores, fitted here: the only fits compare makes, and only when the largest core counts differ.
 * Curves one unit at a time by construction (latencies) are not compared.
 */
final class PerCoreAtMaxCores {

    private PerCoreAtMaxCores() {
    }

    static List<CurveComparison> compare(RunData base, RunData other) {
        Map<Curve, PointSummary> b = atMaxCores(base.scalable());
        Map<Curve, PointSummary> o = atMaxCores(other.scalable());
        Map<Curve, UslFit> baseFits = uslFits(ScalingCurves.overCores(base.scalable(), k -> false));
        Map<Curve, UslFit> otherFits = uslFits(ScalingCurves.overCores(other.scalable(), k -> false));
        List<CurveComparison> out = new ArrayList<>();
        for (Map.Entry<Curve, PointSummary> e : b.entrySet()) {
            PointSummary pb = e.getValue();
            PointSummary po = o.get(e.getKey());
            if (po == null) {
                continue;
            }
            int cb = pb.key().cores();
            int co = po.key().cores();
            if (cb <= 0 || co <= 0) {
                out.add(new CurveComparison(e.getKey(), cb, co, Double.NaN, Double.NaN, Ratio.NONE, baseFits.get(e.getKey()),
                        otherFits.get(e.getKey()), pb.key().threads(), po.key().threads()));
                continue;
            }
            // Per core: (X_other / co) / (X_base / cb), the throughput ratio times cb/co.
            Ratio r = Throughput.ratio(po, pb)
                    .times((double) cb / co);
            out.add(new CurveComparison(e.getKey(), cb, co, Throughput.mean(pb) / cb, Throughput.mean(po) / co, r,
                    baseFits.get(e.getKey()), otherFits.get(e.getKey()), pb.key().threads(), po.key().threads()));
        }
        return out;
    }

    /** Per curve, the USL fit over cores (threads = cores), keyed like {@link #atMaxCores}. */
    private static Map<Curve, UslFit> uslFits(List<ScalingCurve> curves) {
        Map<Curve, UslFit> fits = new TreeMap<>();
        for (ScalingCurve c : curves) {
            if (c.key().axis() == Axis.CORES) {
                fits.put(c.key().curve(), c.usl());
            }
        }
        return fits;
    }

    /** Per curve, the point at the largest cores: threads = cores if measured, else the highest throughput. */
    private static Map<Curve, PointSummary> atMaxCores(List<PointSummary> points) {
        Map<Curve, PointSummary> out = new TreeMap<>();
        Comparator<PointSummary> preference = Comparator
                .comparingInt((PointSummary s) -> s.key().cores())
                .thenComparing(s -> s.key().threads() == s.key().cores())
                .thenComparingDouble(Throughput::mean);
        for (PointSummary s : points) {
            out.merge(Curve.of(s.key()), s, (x, y) -> preference.compare(x, y) >= 0 ? x : y);
        }
        return out;
    }
}
