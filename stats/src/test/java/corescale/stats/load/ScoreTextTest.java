package corescale.stats.load;

import corescale.stats.Synthetic;
import corescale.stats.model.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A score is read to the same double as {@link Double#parseDouble} gives for its text (results.csv is
 * read with Jackson's fast parser, which must round as the JDK does), in every form a writer may use:
 * shortest round trip, 17 significant digits, few digits, exponents, subnormals, the extremes.
 */
class ScoreTextTest {

    @TempDir
    Path dir;

    @Test
    void everyScoreIsTheJdksDouble() throws Exception {
        SplittableRandom rnd = new SplittableRandom(25);
        List<String> texts = new ArrayList<>(List.of("1", "1E5", "1e-5", "4.9E-324", "2.2250738585072014E-308",
                "1.7976931348623157E308", "0.30000000000000004", "9007199254740993", "123456789012345678901234567890",
                "1.00000000000000011102230246251565404236316680908203125", "+2.5", ".5", "5."));
        for (int i = 0; i < 6000; i++) {
            double v = Math.exp(rnd.nextDouble(-700, 700));
            texts.add(Double.toString(v));
            texts.add(new BigDecimal(v).round(new MathContext(17)).toString());
            texts.add(String.format("%.3f", rnd.nextDouble(0.001, 1e6)));
            texts.add(Double.toString(Double.longBitsToDouble(rnd.nextLong(1, 0x7FEFFFFFFFFFFFFFL))));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add(Synthetic.row("h", "v", 1, 1, "thrpt", 1, i + 1, 1.0, "ops/us").replace(",1.0,ops/us", "," + texts.get(i) + ",ops/us"));
        }
        List<Measurement> read = Loader.load(Synthetic.resultsCsv(dir, "results.csv", lines.toArray(String[]::new))).get(0).measurements();
        assertEquals(texts.size(), read.size());
        for (Measurement m : read) {
            String text = texts.get(m.iteration() - 1);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(m.score()), text);
        }
    }
}
