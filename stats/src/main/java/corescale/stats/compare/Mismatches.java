package corescale.stats.compare;

import corescale.stats.model.ResultsColumn;
import corescale.stats.model.RunInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Machine and JDK fields that differ between the two sides of a comparison. */
final class Mismatches {

    private Mismatches() {
    }

    static List<Mismatch> of(List<RunData> base, List<RunData> other) {
        Map<String, Function<RunInfo, String>> fields = new LinkedHashMap<>();
        fields.put(ResultsColumn.HOST.header, i -> i.machine().host());
        fields.put(ResultsColumn.CPU_MODEL.header, i -> i.machine().cpuModel());
        fields.put(ResultsColumn.CPUS_ONLINE.header, i -> i.machine().cpusOnlineText());
        fields.put(ResultsColumn.JDK_VERSION.header, i -> i.machine().jdkVersion());
        List<Mismatch> out = new ArrayList<>();
        for (Map.Entry<String, Function<RunInfo, String>> f : fields.entrySet()) {
            Set<String> vb = values(base, f.getValue());
            Set<String> vo = values(other, f.getValue());
            if (!vb.isEmpty() && !vo.isEmpty() && !vb.equals(vo)) {
                out.add(new Mismatch(f.getKey(), List.copyOf(vb), List.copyOf(vo)));
            }
        }
        return out;
    }

    private static Set<String> values(List<RunData> side, Function<RunInfo, String> field) {
        return side.stream().flatMap(r -> r.runs().stream()).map(field).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
