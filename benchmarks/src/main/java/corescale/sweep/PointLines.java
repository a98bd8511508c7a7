package corescale.sweep;

import corescale.stats.run.PointsFile.Stop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.Locale;

import corescale.results.CpuList;
import corescale.results.ResultRow;
import corescale.stats.io.CsvNumbers;
import corescale.stats.io.TextNumbers;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile.RunConfig;

/** A point's state as the sweep writes it: its points.csv values and its progress line. */
final class PointLines {

    private PointLines() {
    }

    /** The point's points.csv values per configuration, by column (the key columns are PointLog's). */
    static List<Map<String, Object>> csv(PointForks state, Profile profile, List<Integer> cpus) {
        List<Map<String, Object>> lines = new ArrayList<>();
        String stop = (state.open() ? Stop.PENDING : state.stop()).label;
        for (RunConfig c : state.configs()) {
            List<ForkResult> forks = state.forks(c);
            ForkResult.Load load = forks.stream().map(ForkResult::load).reduce(ForkResult.Load.NONE, ForkResult.Load::plus);
            Map<PointsFile.Column, Object> line = new EnumMap<>(PointsFile.Column.class);
            line.put(PointsFile.Column.FORKS, forks.size());
            line.put(PointsFile.Column.MEAN, CsvNumbers.exact(state.sample(c).mean()));
            line.put(PointsFile.Column.UNIT, unit(forks));
            line.put(PointsFile.Column.REL_CI, CsvNumbers.exact(state.relCi(c)));
            line.put(PointsFile.Column.TARGET, profile.pursuesTarget() ? CsvNumbers.format(profile.precision()) : "");
            line.put(PointsFile.Column.STOP, stop);
            line.put(PointsFile.Column.SECONDS, CsvNumbers.exact(state.seconds()));
            line.put(PointsFile.Column.MEASURE_SECONDS, CsvNumbers.exact(state.measureSeconds(c)));
            line.put(PointsFile.Column.CPUS, CpuList.format(cpus));
            line.put(PointsFile.Column.STEAL_PCT, Double.isNaN(load.stealShare()) ? ""
                    : CsvNumbers.exact(PointsFile.stealPct(load.stealShare())));
            line.put(PointsFile.Column.INVOLUNTARY_SWITCHES, load.involuntarySwitches());
            line.put(PointsFile.Column.CONFIG, c.name());
            line.put(PointsFile.Column.MODES, state.modes(c));
            Map<String, Object> byHeader = new LinkedHashMap<>();
            line.forEach((column, value) -> byHeader.put(column.header, value));
            lines.add(byHeader);
        }
        return lines;
    }

    /**
     * The point's progress line: per configuration its mean and precision, then forks and why it
     * stopped. A point stopped at its {@code target} shows the target, the interval its report gives it
     * (summary.TargetRule), beside its forks' own.
     */
    static String progress(PointForks state, double target) {
        StringBuilder line = new StringBuilder();
        ForkResult.Load load = ForkResult.Load.NONE;
        List<RunConfig> configs = state.configs();
        boolean atTarget = state.stop() == Stop.TARGET_MET;
        for (RunConfig c : configs) {
            double relCi = state.relCi(c);
            String ci = Double.isNaN(relCi) ? ""
                    : atTarget ? " ±" + TextNumbers.percent(target) + " (the target; forks ±" + TextNumbers.percent(relCi) + ")"
                    : " ±" + TextNumbers.percent(relCi);
            List<ForkResult> forks = state.forks(c);
            line.append(c.name()).append(c.name().isEmpty() ? "" : " ")
                    .append(TextNumbers.significant(state.sample(c).mean(), 4)).append(" ").append(unit(forks)).append(ci).append(", ");
            for (ForkResult f : forks) {
                load = load.plus(f.load());
            }
            String modes = state.modes(c);
            if (!modes.isEmpty()) {
                line.append(modes).append(", ");
            }
        }
        line.append(String.format(Locale.ROOT, "%d fork(s)%s, %s", state.rounds(), configs.size() > 1 ? " each" : "",
                state.open() ? "more may follow" : state.stop().label.replace('_', ' ')));
        double stealPct = PointsFile.stealPct(load.stealShare());
        if (PointsFile.flagged(stealPct)) {
            line.append(", STEAL ").append(TextNumbers.percent(stealPct / 100)).append(" of the CPUs' time");
        }
        return line.toString();
    }

    private static String unit(List<ForkResult> forks) {
        return forks.stream().flatMap(f -> f.rows().stream()).map(ResultRow::unit).findFirst().orElse("");
    }
}
