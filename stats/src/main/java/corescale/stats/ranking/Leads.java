package corescale.stats.ranking;

import corescale.stats.model.Place;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every place's {@link Lead}, decided together. A report names a leader at each of dozens of places;
 * called one by one at 5%, identical variants would have "a fastest" at about one place in twenty.
 * So each place's lead gets the intersection–union p of its leader against every other ranked point,
 * and the p-values of all places are adjusted together (Benjamini–Hochberg, as compare adjusts its
 * points): at most {@link FalseDiscovery#ALPHA} of the leads called are expected to be false, and
 * among identical variants everywhere, a lead is called at any place in at most that share of reports.
 * A point held back by the service is never a leader, but may be called ahead of every ranked point
 * ({@link HeldBackAhead}); those calls are adjusted in the same family.
 */
public final class Leads {

    /**
     * A point held back by the service and shown faster than every ranked point of its place
     * ({@link HeldBackAhead}, its p adjusted with the leads'), so at least that fast.
     *
     * @param point  the point held back
     * @param leader the ranked point with the highest throughput at its place
     * @param ratio  throughput of point over leader, with its 95% interval
     * @param p      its {@link HeldBackAhead#p()}
     * @param q      p adjusted with every lead and every other such p of the report
     */
    public record Ahead(PointSummary point, PointSummary leader, Ratio ratio, double p, double q) {
    }

    private final Map<Place, Lead> byPlace;
    private final Map<Place, PointSummary> soleByPlace;
    private final Map<Place, List<Ahead>> aheadByPlace;
    private final int tests;

    private Leads(Map<Place, Lead> byPlace, Map<Place, PointSummary> soleByPlace, Map<Place, List<Ahead>> aheadByPlace, int tests) {
        this.byPlace = byPlace;
        this.soleByPlace = soleByPlace;
        this.aheadByPlace = aheadByPlace;
        this.tests = tests;
    }

    public static Leads of(List<PointSummary> points, Eligibility eligibility) {
        Map<Place, List<PointSummary>> places = new TreeMap<>();
        points.forEach(p -> places.computeIfAbsent(Place.of(p.key()), x -> new ArrayList<>()).add(p));
        Map<Place, List<PointSummary>> contested = new LinkedHashMap<>();
        Map<Place, PointSummary> sole = new LinkedHashMap<>();
        places.forEach((place, at) -> {
            List<PointSummary> ranked = Lead.ranked(at, eligibility);
            if (ranked.size() >= 2) {
                contested.put(place, ranked);
            } else if (ranked.size() == 1 && at.size() >= 2) {
                sole.put(place, ranked.get(0));
            }
        });
        Map<Place, List<HeldBackAhead>> candidates = new LinkedHashMap<>();
        places.forEach((place, at) -> {
            List<HeldBackAhead> c = HeldBackAhead.candidates(at, Lead.ranked(at, eligibility), eligibility);
            if (!c.isEmpty()) {
                candidates.put(place, c);
            }
        });
        // The leader against each other ranked point, once: the lead's p and, for the second, the equivalence test.
        List<List<LogRatioTest>> vsFirst = contested.values().stream().map(Leads::vsFirst).toList();
        double[] pLeads = vsFirst.stream().mapToDouble(Leads::pFastest).toArray();
        double[] pAhead = candidates.values().stream().flatMap(List::stream).mapToDouble(HeldBackAhead::p).toArray();
        // One family: every lead called and every point called ahead though held back.
        double[] all = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(pLeads), java.util.Arrays.stream(pAhead)).toArray();
        double[] qAll = FalseDiscovery.adjust(all);
        Map<Place, Lead> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Place, List<PointSummary>> e : contested.entrySet()) {
            List<PointSummary> ranked = e.getValue();
            LogRatioTest top = vsFirst.get(i).get(0);
            out.put(e.getKey(), new Lead(ranked.get(0), ranked.get(1), Throughput.ratio(ranked.get(0), ranked.get(1)),
                    pLeads[i], qAll[i], top == null ? Double.NaN : top.pSame(LogRatioTest.DEFAULT_THRESHOLD)));
            i++;
        }
        Map<Place, List<Ahead>> ahead = new LinkedHashMap<>();
        int j = pLeads.length;
        for (Map.Entry<Place, List<HeldBackAhead>> e : candidates.entrySet()) {
            PointSummary leader = Lead.ranked(places.get(e.getKey()), eligibility).get(0);
            for (HeldBackAhead c : e.getValue()) {
                if (qAll[j] <= FalseDiscovery.ALPHA) {
                    ahead.computeIfAbsent(e.getKey(), x -> new ArrayList<>())
                            .add(new Ahead(c.point(), leader, Throughput.ratio(c.point(), leader), c.p(), qAll[j]));
                }
                j++;
            }
        }
        return new Leads(out, sole, ahead, all.length);
    }

    /**
     * The leader against each other ranked point on the logs of their fork means ({@link Throughput#test}:
     * paired by round where the sweep measured the place in rounds, else Welch's t), in rank order; null
     * where one cannot be tested.
     */
    private static List<LogRatioTest> vsFirst(List<PointSummary> ranked) {
        List<LogRatioTest> out = new ArrayList<>();
        for (PointSummary other : ranked.subList(1, ranked.size())) {
            out.add(Throughput.test(ranked.get(0), other));
        }
        return out;
    }

    /** The largest two-sided p of the leader against each other ranked point; NaN if one cannot be tested. */
    private static double pFastest(List<LogRatioTest> vsFirst) {
        double worst = 0;
        for (LogRatioTest w : vsFirst) {
            double p = w == null ? Double.NaN : w.pChange();
            if (Double.isNaN(p)) {
                return Double.NaN;
            }
            worst = Math.max(worst, p);
        }
        return worst;
    }

    /** The lead at the place of {@code point}; empty where fewer than two points may be ranked. */
    public Optional<Lead> at(PointSummary point) {
        return Optional.ofNullable(byPlace.get(Place.of(point.key())));
    }

    /**
     * The only point that may be ranked at the place of {@code point}, where others were measured that may not
     * (no lead to test); empty where it was measured alone.
     */
    public Optional<PointSummary> soleRanked(PointSummary point) {
        return Optional.ofNullable(soleByPlace.get(Place.of(point.key())));
    }

    /** The points held back and still shown ahead of every ranked point at the place of {@code point}, highest first. */
    public List<Ahead> aheadAt(PointSummary point) {
        return aheadByPlace.getOrDefault(Place.of(point.key()), List.of());
    }

    /** How many tests were adjusted together: one per lead, one per point that might be ahead though held back. */
    public int tests() {
        return tests;
    }
}
