package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RatioTest {

    @Test
    void timesScalesTheValueAndBothEnds() {
        Ratio r = new Ratio(1.5, 1.2, 1.8, Ratio.Method.WELCH_LOG).times(2);
        assertArrayEquals(new double[] {3, 2.4, 3.6}, new double[] {r.value(), r.low(), r.high()}, 1e-12); // 2·1.5, 2·1.2, 2·1.8
    }
}
