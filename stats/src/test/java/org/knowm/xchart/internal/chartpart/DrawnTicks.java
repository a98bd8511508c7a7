package org.knowm.xchart.internal.chartpart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test access to the tick labels XChart draws: it keeps them package-private. The chart is painted
 * first (ticks are laid out while painting); labels outside the axis, which XChart computes but
 * does not draw, are left out as XChart leaves them out.
 */
public final class DrawnTicks {

    private DrawnTicks() {
    }

    public static List<String> x(Chart<?, ?> chart) {
        paint(chart);
        return drawn(chart.getXAxis(), chart.getXAxis().getBounds().getWidth());
    }

    public static List<String> y(Chart<?, ?> chart) {
        paint(chart);
        return drawn(chart.getYAxis(), chart.getYAxis().getBounds().getHeight());
    }

    private static void paint(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
    }

    private static List<String> drawn(Axis<?, ?> axis, double length) {
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ticks.getTickLabels().size(); i++) {
            double at = ticks.getTickLocations().get(i);
            if (ticks.getTickLabels().get(i) != null && at > 0 && at < length) {
                out.add(ticks.getTickLabels().get(i));
            }
        }
        return out;
    }
}
