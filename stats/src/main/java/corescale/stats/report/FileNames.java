package corescale.stats.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Gives chart files names made from input strings but safe anywhere: only [a-z0-9-], bounded
 * length, and unique within one report (a counter is appended on a clash).
 */
final class FileNames {

    private final Set<String> used = new HashSet<>();

    /** A unique name {@code prefix-part-part.png} built from the given parts. */
    String png(String prefix, String... parts) {
        StringBuilder s = new StringBuilder(slug(prefix));
        for (String p : parts) {
            String sl = slug(p);
            if (!sl.isEmpty()) {
                s.append('-').append(sl);
            }
        }
        String base = s.toString();
        if (base.length() > 100 && parts.length > 0) {
            // Keep the start (family, benchmark) and the last part (what the chart is), and a
            // hash of the whole so that long params still give distinct names.
            String tail = slug(parts[parts.length - 1]);
            base = base.substring(0, 60).replaceAll("-+$", "") + "-" + Integer.toHexString(base.hashCode()) + "-" + tail;
        }
        String name = base + ".png";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        return name;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
