package corescale.results;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Linux CPU list syntax, as in {@code 0-3,8,10-11} (sysfs, /proc/self/status, taskset -c). */
public final class CpuList {

    private CpuList() {
    }

    public static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dash = part.indexOf('-');
            try {
                if (dash < 0) {
                    cpus.add(Integer.parseInt(part.trim()));
                } else {
                    int from = Integer.parseInt(part.substring(0, dash).trim());
                    int to = Integer.parseInt(part.substring(dash + 1).trim());
                    for (int c = from; c <= to; c++) {
                        cpus.add(c);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: '" + text + "'");
            }
        }
        return cpus;
    }

    public static String format(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
