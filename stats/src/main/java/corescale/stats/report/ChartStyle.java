package corescale.stats.report;

import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
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
    /** The same with the legend under the plot: the width less the y axis. */
    static final double PLOT_WIDTH_LEGEND_BELOW = 780;
    static final int HEIGHT = 560;
    /** max/min of the y values beyond which the y axis is logarithmic. */
    static final double LOG_SPAN = 30;

    /**
     * Okabe–Ito's eight colours, told apart by the common colour-blindnesses (their yellow darkened
     * to read on white), then Paul Tol's wine and olive for a ninth and tenth series.
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0x000000), new Color(0xC9B100), new Color(0x882255), new Color(0x999933)};
    /**
     * A shape per series besides its colour, for readers who cannot tell the colours apart (and in
     * greyscale): ten of XChart's markers, alike ones (circle and oval, square and rectangle) far apart.
     */
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.TRAPEZOID, SeriesMarkers.PLUS,
        SeriesMarkers.RECTANGLE, SeriesMarkers.OVAL};
    static final BasicStroke SOLID = new BasicStroke(1.6f);
    /**
     * Measured series cycle through these, so that two series whose points lie on each other (the
     * fair locks, both near zero) still differ in their lines; none is the fits' dash or the ideal's dots.
     */
    private static final BasicStroke[] MEASURED = {
        SOLID,
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 3f, 2f, 3f}, 0f),
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {16f, 4f}, 0f)};
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1.5f, 4f}, 0f);
    static final BasicStroke THIN = new BasicStroke(1.2f);
    static final Color GREY = new Color(0x666666);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    /** Pixels per line of a title that takes several. */
    static final int TITLE_LINE_HEIGHT = 18;
    /** Pixels per row of a chart with one row per point (a forest plot). */
    static final int ROW_HEIGHT = 20;

    /** How series number i of a chart is drawn: colour, marker and line all differ between series. */
    record Look(Color color, Marker marker, BasicStroke stroke) {
    }

    private ChartStyle() {
    }

    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static Marker marker(int i) {
        return MARKERS[i % MARKERS.length];
    }

    static Look look(int i) {
        return new Look(color(i), marker(i), MEASURED[i % MEASURED.length]);
    }

    /** An empty chart in the reports' style, {@link #HEIGHT} high; {@link Plot} sets its title. */
    static XYChart newChart(String xTitle, String yTitle) {
        return newChart(xTitle, yTitle, HEIGHT);
    }

    static XYChart newChart(String xTitle, String yTitle, int height) {
        XYChart chart = new XYChart(WIDTH, height);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotGridLinesColor(new Color(0xE3E3E3));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(TITLE_FONT);
        st.setAnnotationTextFont(TITLE_FONT);
        st.setAnnotationTextFontColor(st.getChartFontColor());
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setMarkerSize(8);
        st.setAntiAlias(true);
        // Never an exponent, nor a locale's comma: log axes format with this pattern, linear ones
        // with Fmt (see Plot.finish).
        st.setLocale(Locale.ROOT);
        st.setYAxisDecimalPattern("#,##0.####");
        st.setXAxisDecimalPattern("#,##0.####");
        st.setyAxisTickLabelsFormattingFunction(Fmt::num);
        st.setxAxisTickLabelsFormattingFunction(Fmt::num);
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
}
