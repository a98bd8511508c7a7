package corescale.stats.report;

import corescale.stats.fleet.Fleet;
import corescale.stats.scaling.ScalingPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

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
        Plot plot = new Plot(title, "cores", what + " (" + unit.unit() + ")");
        List<String> variants = s.variants();
        boolean oneVariant = variants.size() == 1;
        double[] xr = {s.lines().stream().flatMap(l -> values.apply(l).stream()).mapToDouble(Value::cores).min().orElse(0),
            s.lines().stream().flatMap(l -> values.apply(l).stream()).mapToDouble(Value::cores).max().orElse(1)};
        // Legend entries: a point at x0 whose y is NaN, which XChart leaves out of the plot and its axes.
        double x0 = xr[0];
        double y0 = Double.NaN;
        if (!oneVariant) {
            // The legend names each variant (its colour) and each machine (its line and marker) once.
            for (int v = 0; v < variants.size(); v++) {
                legendEntry(plot, x0, y0, variants.get(v), ChartStyle.color(v), ChartStyle.SOLID, SeriesMarkers.NONE);
            }
            for (int m = 0; m < machines.size(); m++) {
                String machine = machines.get(m);
                if (s.lines().stream().anyMatch(l -> l.machine().equals(machine))) {
                    legendEntry(plot, x0, y0, legend.get(machine), ChartStyle.GREY, STROKES[m % STROKES.length], ChartStyle.marker(m));
                }
            }
        }
        for (Fleet.Line l : s.lines()) {
            int m = machines.indexOf(l.machine());
            int v = variants.indexOf(l.variant());
            Color col = oneVariant ? ChartStyle.color(m) : ChartStyle.color(v);
            Marker mk = ChartStyle.marker(m);
            BasicStroke st = oneVariant ? ChartStyle.SOLID : STROKES[m % STROKES.length];
            List<Value> vs = values.apply(l);
            double[] xs = vs.stream().mapToDouble(Value::cores).toArray();
            double[] ys = vs.stream().mapToDouble(x -> x.value() * unit.factor()).toArray();
            plot.line(oneVariant ? legend.get(l.machine()) : l.variant() + " @ " + l.machine(), xs, ys, col, mk, st, oneVariant);
            for (Value x : vs) {
                plot.whisker(x.cores(), x.low() * unit.factor(), x.high() * unit.factor(), col, xr);
            }
        }
        plot.finish(true);
        if (xr[0] == xr[1]) {
            // One core count: a unit either side, so that the intervals' whiskers stay narrow.
            xr[0] -= 1;
            xr[1] += 1;
            plot.chart().getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]);
        }
        return plot.render(fileName);
    }

    /** A legend entry that draws nothing: its one point has no y. */
    private static void legendEntry(Plot plot, double x, double y, String label, Color col, BasicStroke stroke, Marker marker) {
        String name = label;
        while (plot.chart().getSeriesMap().containsKey(name)) {
            name = name + " ";
        }
        XYSeries s = plot.chart().addSeries(name, new double[] {x}, new double[] {y});
        s.setLineColor(col);
        s.setMarkerColor(col);
        s.setLineStyle(stroke);
        s.setMarker(marker);
    }
}
