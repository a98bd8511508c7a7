package corescale.stats.report;

import java.util.List;

/**
 * Renders a {@link Doc} as GitHub-flavoured Markdown. Input strings are escaped so that they
 * cannot break a table (| and newlines) nor turn into markup or raw HTML (&lt; &gt; * _ ` [ ]).
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Doc doc) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escape(doc.title)).append("\n\n");
        for (Doc.Block b : doc.blocks) {
            switch (b) {
                case Doc.Heading h -> out.append("#".repeat(h.level() + 1)).append(' ').append(escape(h.text())).append("\n\n");
                case Doc.Para p -> out.append(escape(p.text())).append("\n\n");
                case Doc.Bullets l -> {
                    for (String item : l.items()) {
                        out.append("- ").append(escape(item)).append('\n');
                    }
                    out.append('\n');
                }
                case Doc.Table t -> table(out, t);
                case Doc.Image i -> out.append("![").append(escape(i.alt())).append("](").append(i.file()).append(")\n\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Doc.Table t) {
        row(out, t.header());
        out.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            out.append(t.numeric()[i] ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> r : t.rows()) {
            row(out, r);
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(escape(c)).append(" |");
        }
        out.append('\n');
    }

    /**
     * Escapes plain text for Markdown: newlines become spaces (a table row is one line), and
     * every character with a Markdown or HTML meaning gets a backslash, which CommonMark allows
     * before any ASCII punctuation.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n' -> s.append(' ');
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '!', '~', '&' -> s.append('\\').append(c);
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
