package corescale.stats.summary;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;

/**
 * Paired t on logs, the reference the simulations measure compare's test of interleaved configurations
 * ({@link MixedOnLogs}) against: d = mean of log(num_i) − log(den_i) over the pairs, se =
 * sd(differences)/√n, df = n − 1. Whatever moved both members of a pair alike (drift between rounds) cancels.
 */
public final class PairedT {

    private PairedT() {
    }

    /** @return null with fewer than 2 pairs, arrays of different lengths or a value that is not positive */
    public static WelchOnLogs of(double[] num, double[] den) {
        if (num.length < WelchOnLogs.MIN_FORKS || num.length != den.length
                || Arrays.stream(num).anyMatch(x -> !(x > 0)) || Arrays.stream(den).anyMatch(x -> !(x > 0))) {
            return null;
        }
        double[] diff = new double[num.length];
        for (int i = 0; i < num.length; i++) {
            diff[i] = Math.log(num[i]) - Math.log(den[i]);
        }
        double se = Math.sqrt(StatUtils.variance(diff) / diff.length);
        return new WelchOnLogs(StatUtils.mean(diff), se, se == 0 ? Double.NaN : diff.length - 1);
    }
}
