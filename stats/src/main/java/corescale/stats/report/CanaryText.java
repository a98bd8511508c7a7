package corescale.stats.report;

import corescale.stats.run.Canary;

/** A canary ratio in words, for the findings and the compare report. */
final class CanaryText {

    private CanaryText() {
    }

    /** "×0.64 as fast on the canary's cpu kernel, ×0.9 on its memory kernel", the unknown left out. */
    static String describe(Canary canary) {
        String c = Double.isFinite(canary.cpu()) ? Fmt.times(canary.cpu()) + " as fast on the canary's cpu kernel" : "";
        String m = Double.isFinite(canary.memory()) ? Fmt.times(canary.memory())
                + (c.isEmpty() ? " as fast on the canary's" : " on its") + " memory kernel" : "";
        return c.isEmpty() ? m : m.isEmpty() ? c : c + ", " + m;
    }
}
