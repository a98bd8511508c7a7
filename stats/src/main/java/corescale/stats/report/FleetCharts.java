package corescale.stats.report;

import corescale.stats.fleet.Fleet;
import corescale.stats.scaling.ScalingPoint;
import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fleet page's charts: one benchmark setting, every machine and variant on one chart, over
 * cores. With one variant the colour and marker follow the machine; with several the colour follows
 * the variant and the line style and marker the machine, and the legend names each once.
 */
final class FleetCharts {

    private static final BasicStroke[] STROKES = {ChartStyle.SOLID, ChartStyle.DASHED, ChartStyle.DOTTED};

    private FleetCharts() {
    }

    /** One value drawn at a core count, with its 95% interval. */
    private record Value(double cores, double value, double low, double high) {
    }

    /** Throughput against cores. */
    static ChartFile throughput(ChartTitle title, Fleet.Setting s, List<String> machines, Map<String, String> legend,
                                String fileName) {
        return draw(title, s, machines, legend, "throughput", fileName, l -> l.curve().points().stream()
                .map((ScalingPoint p) -> new Value(p.n(), p.throughput(), p.low(), p.high())).toList());
    }

    /** Throughput per core against cores: flat where a machine scales linearly. */
    static ChartFile perCore(ChartTitle title, Fleet.Setting s, List<String> machines, Map<String, String> legend,
                             String fileName) {
        return draw(title, s, machines, legend, "throughput per core", fileName, l -> l.perCore().stream()
                .map(p -> new Value(p.cores(), p.value(), p.low(), p.high())).toList());
    }

    private static ChartFile draw(ChartTitle title, Fleet.Setting s, List<String> machines, Map<String, String> legend,
                                  String what, String fileName, Function<Fleet.Line, List<Value>> values) {
        DisplayUnit unit = DisplayUnit.forValues(s.lines().get(0).curve().unit(), s.lines().stream()
                .flatMap(l -> values.apply(l).stream()).mapToDouble(Value::value).toArray());
        Plot plot = Plot.overCountsLegendBelow(title, "cores", what + " (" + unit.unit() + ")", s.lines().size());
        List<String> variants = s.variants();
        boolean oneVariant = variants.size() == 1;
        int slot = 0;
        for (Fleet.Line l : s.lines()) {
            int m = machines.indexOf(l.machine());
            int v = variants.indexOf(l.variant());
            ChartStyle.Look look = oneVariant ? ChartStyle.look(m)
                    : new ChartStyle.Look(ChartStyle.color(v), ChartStyle.marker(m), STROKES[m % STROKES.length]);
            List<Value> vs = values.apply(l);
            plot.points(oneVariant ? legend.get(l.machine()) : l.variant() + " @ " + legend.get(l.machine()),
                    vs.stream().mapToDouble(Value::cores).toArray(),
                    vs.stream().mapToDouble(x -> x.value() * unit.factor()).toArray(),
                    vs.stream().mapToDouble(x -> x.low() * unit.factor()).toArray(),
                    vs.stream().mapToDouble(x -> x.high() * unit.factor()).toArray(), look, slot++, s.lines().size());
        }
        plot.finish(true);
        return plot.render(fileName);
    }
}
