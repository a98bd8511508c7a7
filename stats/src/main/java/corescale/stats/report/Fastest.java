package corescale.stats.report;

import corescale.stats.model.Place;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.ranking.Eligibility;
import corescale.stats.ranking.Lead;
import corescale.stats.ranking.Leads;
import corescale.stats.ranking.Rankings;
import corescale.stats.summary.FalseDiscovery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The "fastest" findings: per group of points, the leader at each (cores, threads) among the
 * variants that may be ranked where {@link Leads} calls its lead over every other a discovery beyond
 * the ±5% band, and "no clear leader" elsewhere, with the first and the second tied (shown within the
 * band) or not told apart; where points held back by the service are shown faster than every ranked
 * one ({@link Leads.Ahead}), those instead of the highest of the ranked;
 * and one line naming the other variants left out of the ranking, where and why.
 */
final class Fastest {

    private Fastest() {
    }

    /** @param answered places whose leaders the Answers already state: only their unranked variants are named */
    static void lines(List<PointSummary> points, Rankings rankings, java.util.Set<Place> answered, List<String> out) {
        Eligibility eligibility = rankings.eligibility();
        Leads leads = rankings.leads();
        Map<Setting, Map<Integer, Map<Integer, List<PointSummary>>>> groups = new TreeMap<>();
        for (PointSummary p : points) {
            groups.computeIfAbsent(Setting.of(p.key()), g -> new TreeMap<>())
                    .computeIfAbsent(p.key().threads(), t -> new TreeMap<>())
                    .computeIfAbsent(p.key().cores(), c -> new ArrayList<>()).add(p);
        }
        groups.forEach((group, byThreads) -> {
            List<String> fastest = new ArrayList<>();
            List<String> noLeader = new ArrayList<>();
            List<String> ahead = new ArrayList<>();
            Map<String, Map<String, List<String>>> unranked = new TreeMap<>(); // reason -> variant -> where
            byThreads.values().forEach(byCores -> byCores.values().forEach(at -> {
                if (!answered.contains(Place.of(at.get(0).key()))) { // Leads names none for a point measured alone
                    if (leads.aheadAt(at.get(0)).isEmpty()) {
                        leader(at, leads).ifPresent(l -> (l.called() ? fastest : noLeader).add(l.text()));
                    } else {
                        ahead.add(ahead(leads.aheadAt(at.get(0))));
                    }
                }
                for (PointSummary p : at.stream().sorted(Comparator.comparing(PointSummary::key)).toList()) {
                    // A point called ahead though held back is said so once, here or in the Answers.
                    if (!eligibility.ranked(p.key()) && !calledAhead(p, leads)) {
                        unranked.computeIfAbsent(Wording.notRanked(eligibility.whyNot(p.key()).orElseThrow()), r -> new TreeMap<>())
                                .computeIfAbsent(p.key().variant(), v -> new ArrayList<>())
                                .add(Groups.at(p.key().cores(), p.key().threads()));
                    }
                }
            }));
            if (!fastest.isEmpty()) {
                out.add(Groups.title(group) + " fastest: " + String.join("; ", fastest));
            }
            // The first and the second only: a third may be as close to the first.
            if (!noLeader.isEmpty()) {
                out.add(Groups.title(group) + " no clear leader: " + String.join("; ", noLeader));
            }
            if (!ahead.isEmpty()) {
                out.add(Groups.title(group) + " faster than every ranked variant even though "
                        + Wording.notRanked(Eligibility.Reason.SERVICE_BOUND) + " (so at least that fast): " + String.join("; ", ahead));
            }
            if (!unranked.isEmpty()) {
                List<String> why = new ArrayList<>();
                unranked.forEach((reason, variants) -> {
                    List<String> who = new ArrayList<>();
                    variants.forEach((variant, where) -> who.add(variant + " at " + String.join(", ", where)));
                    why.add(String.join("; ", who) + " (" + reason + ")");
                });
                out.add(Groups.title(group) + " not ranked: " + String.join("; ", why));
            }
        });
    }

    private static boolean calledAhead(PointSummary p, Leads leads) {
        return leads.aheadAt(p).stream().anyMatch(a -> a.point().key().equals(p.key()));
    }

    /** "1t/1c asyncChannels ×56 [50, 62] and virtualThreads ×57 [51, 64] vs fixedPool (the highest of the ranked)". */
    private static String ahead(List<Leads.Ahead> ahead) {
        Leads.Ahead any = ahead.get(0);
        List<String> each = ahead.stream().map(a -> a.point().key().variant() + " "
                + Fmt.timesWithInterval(a.ratio().value(), a.ratio().low(), a.ratio().high())).toList();
        return Groups.at(any.point().key().cores(), any.point().key().threads()) + " " + Wording.and(each) + " vs "
                + any.leader().key().variant() + " (the highest of the ranked)";
    }

    /** A place's leader in words, and whether its lead is called (else no leader). */
    private record Leader(boolean called, String text) {
    }

    /**
     * Called: "2t/2c a (×1.5 [1.3, 1.7] vs b)", b the second, or the only ranked variant; else "2t/2c a and b
     * tie within ±5% (ratio 1.02 [0.99, 1.04], ...)" when shown within the band (a lead or not), or "... not told
     * apart (ratio 1.8 [0.01, 247], ...)".
     */
    private static Optional<Leader> leader(List<PointSummary> at, Leads leads) {
        PointSummary any = at.get(0);
        String where = Groups.at(any.key().cores(), any.key().threads());
        Optional<Lead> lead = leads.at(any);
        if (lead.isEmpty()) {
            return leads.soleRanked(any).map(b -> new Leader(true, where + " " + b.key().variant() + " (the only variant ranked)"));
        }
        Lead l = lead.get();
        String first = l.first().key().variant();
        String second = l.second().key().variant();
        if (l.standing() != Lead.Standing.LEADS) {
            String why = switch (l.evidence()) {
                case DISCOVERY -> "a lead, but within the band";
                case NO_SPREAD -> "fork means without spread";
                // q, not the pair's interval: an interval clear of 1 may still not be a discovery
                case NOT_A_DISCOVERY -> "lead not significant at " + Fmt.rate(FalseDiscovery.ALPHA)
                        + " FDR over " + Wording.count(leads.tests(), "test") + ": q " + Fmt.pRelation(l.q());
            };
            String standing = l.standing() == Lead.Standing.TIED ? " tie " + Fmt.WITHIN_BAND : " not told apart";
            return Optional.of(new Leader(false, where + " " + first + " and " + second + standing + " (ratio "
                    + Fmt.withInterval(l.ratio().value(), l.ratio().low(), l.ratio().high()) + ", " + why + ")"));
        }
        return Optional.of(new Leader(true, where + " " + first + " (" + Fmt.timesWithInterval(l.ratio().value(), l.ratio().low(),
                l.ratio().high()) + " vs " + second + ")"));
    }
}
