package corescale.stats.report;

import java.util.Base64;
import java.util.List;

/**
 * Renders a {@link Doc} as one self-contained HTML file: styles inline, charts as base64 PNG data
 * URIs, no script and nothing fetched, so it opens offline and can be mailed as one file.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.8em;border-bottom:1px solid #ddd}h3{font-size:1.1em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.25em .55em;vertical-align:top}th{background:#f3f3f3}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            img{max-width:100%;height:auto;display:block;margin:.5em 0 1.5em}
            """;

    private HtmlReport() {
    }

    static String render(Doc doc) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title)).append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n")
                .append("<h1>").append(escape(doc.title)).append("</h1>\n");
        for (Doc.Block b : doc.blocks) {
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
        return out.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder out, Doc.Table t) {
        out.append("<table>\n<thead><tr>");
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
        out.append("</tbody></table>\n");
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
