package corescale.stats.report;

import java.util.Base64;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Doc} as one self-contained HTML file: styles inline, charts as base64 PNG data
 * URIs, no script and nothing fetched, so it opens offline and can be mailed as one file.
 *
 * <p>Each level-1 section is a {@code <details>} element that folds (no script needed), unfolded
 * when the document marks it {@link Doc.Heading#open() open}; a table of contents above them links to
 * each. Tables scroll sideways inside their own box and images shrink to the column, so a wide table
 * never widens the page at laptop width.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;overflow-wrap:break-word}
            h1{font-size:1.6em}h2{font-size:1.3em}h3{font-size:1.1em}h4{font-size:1em}
            nav.toc{border:1px solid #ddd;background:#fafafa;padding:.4em .8em;margin:1em 0 1.5em}
            nav.toc h2{font-size:1em;margin:0 0 .3em}
            nav.toc ul{display:flex;flex-wrap:wrap;gap:.15em 1.4em;list-style:none;margin:0;padding:0}
            details.section{margin-top:1.2em;border-bottom:1px solid #ddd}
            details.section>summary{cursor:pointer;border-bottom:1px solid #ddd;padding:.2em 0}
            details.section>summary>h2{display:inline;margin:0}
            .scroll{overflow-x:auto;max-width:100%;margin:.6em 0 1.2em}
            table{border-collapse:collapse;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.25em .55em;vertical-align:top}th{background:#f3f3f3}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            img{max-width:100%;height:auto;display:block;margin:.5em 0 1.5em}
            """;

    private HtmlReport() {
    }

    static String render(Doc doc) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(doc.title)).append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n")
                .append("<h1>").append(escape(doc.title)).append("</h1>\n");
        List<Doc.Heading> sections = doc.blocks.stream()
                .filter(b -> b instanceof Doc.Heading h && h.level() == 1).map(b -> (Doc.Heading) b).toList();
        Map<Doc.Heading, String> ids = ids(sections);
        boolean inSection = false;
        for (Doc.Block b : doc.blocks) {
            if (b instanceof Doc.Heading h && h.level() == 1) {
                if (inSection) {
                    out.append("</details>\n");
                } else {
                    toc(out, sections, ids);
                }
                inSection = true;
                out.append("<details class=\"section\" id=\"").append(ids.get(h)).append('"').append(h.open() ? " open" : "")
                        .append(">\n<summary><h2>").append(escape(h.text())).append("</h2></summary>\n");
                continue;
            }
            block(out, b);
        }
        if (inSection) {
            out.append("</details>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder out, Doc.Block b) {
        switch (b) {
            case Doc.Heading h -> {
                int level = h.level() + 1;
                out.append("<h").append(level).append('>').append(escape(h.text())).append("</h").append(level).append(">\n");
            }
            case Doc.Para p -> out.append("<p>").append(escape(p.text())).append("</p>\n");
            case Doc.Bullets l -> {
                out.append("<ul>\n");
                for (String item : l.items()) {
                    out.append("<li>").append(escape(item)).append("</li>\n");
                }
                out.append("</ul>\n");
            }
            case Doc.Table t -> table(out, t);
            case Doc.Image i -> out.append("<img alt=\"").append(escape(i.alt())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(i.png())).append("\">\n");
        }
    }

    /** The contents: one link per level-1 section, in order. */
    private static void toc(StringBuilder out, List<Doc.Heading> sections, Map<Doc.Heading, String> ids) {
        out.append("<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2>\n<ul>\n");
        for (Doc.Heading h : sections) {
            out.append("<li><a href=\"#").append(ids.get(h)).append("\">").append(escape(h.text())).append("</a></li>\n");
        }
        out.append("</ul></nav>\n");
    }

    /**
     * An id per section from its heading: lower-case ASCII letters and digits joined by dashes
     * ("Machine and JDK" → "machine-and-jdk"), "-2", "-3" … after a repeat. Such an id needs no
     * escaping in an attribute nor in a URL fragment.
     */
    static Map<Doc.Heading, String> ids(List<Doc.Heading> sections) {
        Map<Doc.Heading, String> ids = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Doc.Heading h : sections) {
            String base = h.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            base = base.isEmpty() ? "section" : base;
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            ids.put(h, id);
        }
        return ids;
    }

    private static void table(StringBuilder out, Doc.Table t) {
        out.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String h : t.header()) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                out.append(t.numeric()[i] ? "<td class=\"n\">" : "<td>").append(escape(r.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
