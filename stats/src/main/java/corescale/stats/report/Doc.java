package corescale.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report as a list of plain blocks, rendered by {@link MarkdownReport} and {@link HtmlReport}.
 * Why a model: both files say the same thing, and keeping every string as plain text until the
 * renderer escapes it is what makes "every input string is escaped" true by construction.
 */
final class Doc {

    /** One block of a report. All text is plain: renderers escape it. */
    sealed interface Block permits Heading, Para, Bullets, Table, Image {
    }

    /**
     * A heading, level 1 to 3. A level-1 heading opens a section that runs to the next one; in HTML
     * each section folds, and {@code open} ones are shown unfolded: what a reader comes for (the
     * answers, the verdicts), not the detail behind it. Markdown has no folds and ignores it.
     */
    record Heading(int level, String text, boolean open) implements Block {
        Heading(int level, String text) {
            this(level, text, false);
        }
    }

    /** A paragraph of plain text. */
    record Para(String text) implements Block {
    }

    /** A bulleted list. */
    record Bullets(List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table. {@code numeric[i]} right-aligns column i.
     */
    record Table(List<String> header, List<List<String>> rows, boolean[] numeric) implements Block {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = numeric.clone();
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + r.size() + " cells, header " + header.size());
                }
            }
        }
    }

    /** A chart: {@code file} is relative to the report, {@code png} its bytes (inlined in HTML). */
    record Image(String file, String alt, byte[] png) implements Block {
        Image {
            Objects.requireNonNull(file);
            Objects.requireNonNull(alt);
        }
    }

    final String title;
    /** Output file name without extension: {@code report} or {@code compare}. */
    final String fileStem;
    final List<Block> blocks = new ArrayList<>();

    Doc(String title, String fileStem) {
        this.title = title;
        this.fileStem = fileStem;
    }

    Doc h(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    /** A level-1 heading whose section is shown unfolded (see {@link Heading}). */
    Doc lead(String text) {
        blocks.add(new Heading(1, text, true));
        return this;
    }

    Doc p(String text) {
        blocks.add(new Para(text));
        return this;
    }

    Doc bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(items));
        }
        return this;
    }

    Doc table(Table t) {
        blocks.add(t);
        return this;
    }

    Doc image(ChartFile chart) {
        blocks.add(new Image(chart.fileName(), chart.title(), chart.png()));
        return this;
    }

    /** Builds a table row by row; a column is numeric when its header says so at creation. */
    static final class TableBuilder {
        private final List<String> header = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        TableBuilder text(String h) {
            header.add(h);
            numeric.add(false);
            return this;
        }

        TableBuilder num(String h) {
            header.add(h);
            numeric.add(true);
            return this;
        }

        TableBuilder row(String... cells) {
            rows.add(List.of(cells));
            return this;
        }

        TableBuilder row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        Table build() {
            boolean[] n = new boolean[numeric.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = numeric.get(i);
            }
            return new Table(header, rows, n);
        }
    }
}
