package corescale.stats.fleet;

import corescale.stats.answers.Answers;
import corescale.stats.model.RunInfo;
import corescale.stats.run.Canary;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Several machines' runs of the suite (a fleet run, one run folder per machine) as one page shows
 * them: each machine's {@link Answers}, its canary, and per benchmark setting every machine's curves
 * over cores, absolute and per core. Computed here, never worded; {@code report.FleetReport} renders it.
 *
 * @param machines the machines, in the order given (the first is the one canaries are compared with)
 * @param settings per benchmark setting (family, benchmark, params, mode), every machine's curves over cores
 */
public record Fleet(List<Machine> machines, List<Setting> settings) {

    public Fleet {
        machines = List.copyOf(machines);
        settings = List.copyOf(settings);
    }

    /**
     * One machine's run.
     *
     * @param label   how the page names the machine (its run folder's name: the inventory's host name)
     * @param runs    the run metadata of its rows (host, CPU, cpus, JDK)
     * @param points  how many points it measured
     * @param answers its answers, as its own report computes them
     * @param canary  the canary's readings from its run.json, in order taken; empty when none
     * @param curves  its scaling curves (their points: the page draws no fit)
     */
    public record Machine(String label, Set<RunInfo> runs, int points, Answers answers, List<CanaryReading> canary,
                          List<ScalingCurve> curves) {
        public Machine {
            Objects.requireNonNull(label, "label");
            runs = Set.copyOf(runs);
            Objects.requireNonNull(answers, "answers");
            canary = List.copyOf(canary);
            curves = List.copyOf(curves);
        }

        /** The mean of its readings of the canary's CPU kernel (ops/µs, higher is faster); NaN with none. */
        public double canaryCpu() {
            return mean(canary.stream().mapToDouble(CanaryReading::cpuOpsPerUs).toArray());
        }

        /**
         * The mean of its readings of the canary's memory kernel (ns per load, lower is faster); NaN with none, and
         * when they walked chains of different sizes, whose latencies are not one quantity ({@link #canaryChains}).
         */
        public double canaryMemory() {
            return canaryChains().size() > 1 ? Double.NaN
                    : mean(canary.stream().mapToDouble(CanaryReading::memoryNsPerLoad).toArray());
        }

        /** The chain sizes its memory kernel walked, in bytes, ascending (one, but for runs made before and after a change). */
        public List<Long> canaryChains() {
            return canary.stream().map(CanaryReading::memoryChainBytes).distinct().sorted().toList();
        }

        /** How far the machine moved during its own run: last reading against first ({@link Canary#drift}). */
        public Canary canaryDrift() {
            return Canary.drift(canary);
        }

        private static double mean(double[] values) {
            return java.util.Arrays.stream(values).average().orElse(Double.NaN); // every reading is above 0 (CanaryReading)
        }
    }

    /**
     * One benchmark setting: the lines of every machine and variant, drawn on one chart.
     *
     * @param setting family, benchmark, params and the mode the points were measured in
     * @param lines   one per machine and variant, machines in order, variants sorted
     */
    public record Setting(corescale.stats.model.Setting setting, List<Line> lines) {
        public Setting {
            lines = List.copyOf(lines);
        }

        /** The variants drawn, sorted. */
        public List<String> variants() {
            return lines.stream().map(Line::variant).distinct().sorted().toList();
        }
    }

    /**
     * One machine's curve of one variant over cores.
     *
     * @param machine the machine's label
     * @param variant the variant
     * @param curve   its throughput over cores, with 95% intervals
     * @param perCore throughput divided by the cores at each point: what one core gets done
     */
    public record Line(String machine, String variant, ScalingCurve curve, List<PerCore> perCore) {
        public Line {
            perCore = List.copyOf(perCore);
        }
    }

    /** Throughput per core at {@code cores}, with its 95% interval (the point's, divided by the cores). */
    public record PerCore(double cores, double value, double low, double high) {
    }

    /** The machine's speed on the canary against the first machine's (above 1: faster); {@link Canary#NONE} without readings. */
    public Canary canaryVsFirst(Machine m) {
        return Canary.between(List.of(machines.get(0).canary()), List.of(m.canary()));
    }

    /** Groups the machines' curves over cores by setting; a setting measured on no machine at two core counts still shows its points. */
    public static Fleet of(List<Machine> machines) {
        if (machines.isEmpty()) {
            throw new IllegalArgumentException("a fleet of no machine");
        }
        Map<corescale.stats.model.Setting, List<Line>> bySetting = new TreeMap<>();
        for (Machine m : machines) {
            m.curves().stream()
                    .filter(c -> c.key().axis() == Axis.CORES && !c.points().isEmpty())
                    .sorted(Comparator.comparing(ScalingCurve::key))
                    .forEach(c -> bySetting.computeIfAbsent(corescale.stats.model.Setting.of(c.key().curve()), k -> new ArrayList<>())
                            .add(new Line(m.label(), c.key().variant(), c, perCore(c))));
        }
        List<Setting> settings = new ArrayList<>();
        bySetting.forEach((k, lines) -> settings.add(new Setting(k, lines)));
        return new Fleet(machines, settings);
    }

    private static List<PerCore> perCore(ScalingCurve c) {
        List<PerCore> out = new ArrayList<>();
        for (ScalingPoint p : c.points()) {
            out.add(new PerCore(p.n(), p.throughput() / p.n(), p.low() / p.n(), p.high() / p.n()));
        }
        return out;
    }
}
