package corescale.stats.report;

import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every chart of the reports shares: size, fonts, a colour and marker per variant (or per
 * run), measured values as solid lines with markers, 95% intervals as I-shaped whiskers in the series
 * colour, fitted curves dashed, ideal lines dotted, axes titled with their unit, the y axis
 * logarithmic when the values span more than {@value #LOG_SPAN}× (see {@link Plot#finish}).
 */
final class ChartStyle {

    static {
        // Reports are written by a command-line tool, often on a server without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 900;
    /** About what is left of the width for the plot, beside the legend and the y axis. */
    static final double PLOT_WIDTH = 570;
    static final int HEIGHT = 560;
    /** max/min of the y values beyond which the y axis is logarithmic. */
    static final double LOG_SPAN = 30;

    /** Tableau 10: distinguishable, and still tellable apart in greyscale with the markers. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE};
    static final BasicStroke SOLID = new BasicStroke(1.6f);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1.5f, 4f}, 0f);
    static final BasicStroke THIN = new BasicStroke(1.2f);
    static final Color GREY = new Color(0x666666);

    private ChartStyle() {
    }

    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static Marker marker(int i) {
        return MARKERS[i % MARKERS.length];
    }

    /** An empty chart in the reports' style. */
    static XYChart newChart(ChartTitle title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title.onChart());
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotGridLinesColor(new Color(0xE3E3E3));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setMarkerSize(8);
        st.setAntiAlias(true);
        // Values read as the tables write them, never with an exponent (XChart ignores this on log axes).
        st.setyAxisTickLabelsFormattingFunction(Fmt::num);
        return chart;
    }

    /** The x axis of a scaling curve, in words. */
    static String axisTitle(ScalingCurve c) {
        // Over cores, shared-state benchmarks run as many threads as cores, batch benchmarks one
        // thread whose batch is sized to the cores: "cores" is true of both.
        return c.key().axis() == Axis.CORES
                ? "cores"
                : "threads (on " + c.key().fixedCores().orElse(0) + " cores)";
    }

    /** The least and the largest N of the curves' points. */
    static double[] xRange(List<ScalingCurve> curves) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (ScalingCurve c : curves) {
            for (ScalingPoint p : c.points()) {
                lo = Math.min(lo, p.n());
                hi = Math.max(hi, p.n());
            }
        }
        return new double[] {lo, hi};
    }
}
