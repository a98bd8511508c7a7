package corescale.topology;

import corescale.stats.run.MachineKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The machine's CPUs as the hardware has them, read from sysfs under an {@link FsRoot}: packages,
 * dies, physical cores and their SMT threads, NUMA nodes, L3 domains and hybrid core types.
 *
 * @param cpus  every online CPU, by id
 * @param known whether sysfs described them; if not, each CPU is taken as its own core
 */
public record Topology(List<Cpu> cpus, boolean known) {

    private static final String CPU_DIR = "/sys/devices/system/cpu/";

    public Topology {
        cpus = cpus.stream().sorted(Comparator.comparingInt(Cpu::id)).toList();
    }

    public static Topology read(FsRoot fs) {
        List<Integer> online = fs.readCpuList(CPU_DIR + "online").orElseGet(() -> listed(fs));
        if (online.isEmpty()) {
            // No sysfs (macOS, Windows): the CPUs we may use, or as many as the JVM sees.
            online = fs.field("/proc/self/status", "Cpus_allowed_list").flatMap(FsRoot::parseCpuList)
                    .orElseGet(() -> unknown(Runtime.getRuntime().availableProcessors()).cpus().stream().map(Cpu::id).toList());
        }
        if (fs.read(CPU_DIR + "cpu" + online.get(0) + "/topology/physical_package_id").isEmpty()) {
            return flat(online);
        }
        Map<Integer, Integer> nodes = nodes(fs);
        Map<Integer, String> types = types(fs, online);
        List<Cpu> cpus = new ArrayList<>();
        for (int id : online) {
            String dir = CPU_DIR + "cpu" + id + "/";
            List<Integer> siblings = fs.readCpuList(dir + "topology/thread_siblings_list")
                    .or(() -> fs.readCpuList(dir + "topology/core_cpus_list")).orElse(List.of(id));
            cpus.add(new Cpu(id, fs.readInt(dir + "topology/physical_package_id").orElse(0),
                    fs.readInt(dir + "topology/die_id").orElse(0),
                    siblings.stream().min(Integer::compare).orElse(id),
                    (int) siblings.stream().filter(s -> s < id).count(),
                    nodes.getOrDefault(id, 0), l3(fs, dir), types.getOrDefault(id, "")));
        }
        return new Topology(cpus, true);
    }

    /** A machine of CPUs 0 to {@code n - 1} about which nothing else is known. */
    public static Topology unknown(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        return flat(ids);
    }

    /** These CPUs, each taken as its own core, since nothing else is known. */
    private static Topology flat(List<Integer> ids) {
        return new Topology(ids.stream().map(i -> new Cpu(i, 0, 0, i, 0, 0, -1, "")).toList(), false);
    }

    public Optional<Cpu> cpu(int id) {
        return cpus.stream().filter(c -> c.id() == id).findFirst();
    }

    public int packages() {
        return distinct(Cpu::pkg);
    }

    public int physicalCores() {
        return distinct(Cpu::core);
    }

    public int numaNodes() {
        return distinct(Cpu::node);
    }

    public int l3Domains() {
        return (int) cpus.stream().filter(c -> c.l3() >= 0).mapToInt(Cpu::l3).distinct().count();
    }

    /** "2 packages × 8 cores × 2 threads; NUMA 2; L3 2", or the closest honest words. */
    public String summary() {
        if (!known) {
            return plural(cpus.size(), "CPU") + " (topology not exposed by the OS)";
        }
        StringBuilder s = new StringBuilder();
        Map<String, List<Cpu>> byType = new TreeMap<>(Comparator.reverseOrder()); // P before E
        cpus.forEach(c -> byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c));
        if (byType.size() > 1) {
            s.append(plural(packages(), "package")).append(": ");
            List<String> parts = new ArrayList<>();
            byType.forEach((type, list) -> parts.add(coresAndThreads(list, type + "-core")));
            s.append(String.join(" + ", parts));
        } else if (cpus.size() % packages() == 0 && uniformThreads(cpus)) {
            int cores = physicalCores() / packages();
            s.append(plural(packages(), "package")).append(" × ").append(plural(cores, "core")).append(" × ")
                    .append(plural(cpus.size() / physicalCores(), "thread"));
        } else {
            s.append(plural(packages(), "package")).append(", ").append(plural(physicalCores(), "core")).append(", ")
                    .append(plural(cpus.size(), "thread"));
        }
        record Die(int pkg, int die) {
        }
        long dies = cpus.stream().map(c -> new Die(c.pkg(), c.die())).distinct().count();
        if (dies > packages()) {
            s.append("; ").append(plural((int) dies, "die"));
        }
        s.append("; NUMA ").append(numaNodes());
        if (l3Domains() > 0) {
            s.append("; L3 ").append(l3Domains());
        }
        return s.toString();
    }

    /** What run.json records: the summary, the counts and every CPU. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(MachineKeys.SUMMARY, summary());
        json.put("known", known);
        json.put("packages", packages());
        json.put("physical_cores", physicalCores());
        json.put("cpus_online", cpus.size());
        json.put("numa_nodes", numaNodes());
        json.put("l3_domains", l3Domains());
        json.put("cpus", cpus);
        return json;
    }

    private static String coresAndThreads(List<Cpu> list, String what) {
        long cores = list.stream().mapToInt(Cpu::core).distinct().count();
        return uniformThreads(list) ? plural((int) cores, what) + " × " + plural((int) (list.size() / cores), "thread")
                : plural((int) cores, what) + " (" + plural(list.size(), "thread") + ")";
    }

    private static boolean uniformThreads(List<Cpu> list) {
        Map<Integer, Long> perCore = new TreeMap<>();
        list.forEach(c -> perCore.merge(c.core(), 1L, Long::sum));
        return perCore.values().stream().distinct().count() == 1;
    }

    private int distinct(ToIntFunction<Cpu> f) {
        return (int) cpus.stream().mapToInt(f).distinct().count();
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * The size in bytes of the largest cache of the first online CPU (its L3 on most machines, what a
     * chain must outgrow to measure memory); 0 where sysfs does not say.
     */
    public static long largestCacheBytes(FsRoot fs) {
        int cpu = fs.readCpuList(CPU_DIR + "online").flatMap(l -> l.stream().findFirst()).orElse(0);
        long largest = 0;
        for (int index = 0; index < 8; index++) {
            largest = Math.max(largest, fs.read(CPU_DIR + "cpu" + cpu + "/cache/index" + index + "/size")
                    .map(Topology::sizeBytes).orElse(0L));
        }
        return largest;
    }

    /** Bytes of a sysfs cache size ("32768K", "1M", "512"); 0 for text that is not one. */
    static long sizeBytes(String size) {
        char unit = size.isEmpty() ? ' ' : Character.toUpperCase(size.charAt(size.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The L3 domain: the cache of level 3 among cache/index*, named by its first CPU. */
    private static int l3(FsRoot fs, String cpuDir) {
        for (int index = 0; index < 8; index++) {
            String cache = cpuDir + "cache/index" + index + "/";
            if (fs.readInt(cache + "level").orElse(-1) == 3) {
                return fs.readCpuList(cache + "shared_cpu_list").flatMap(l -> l.stream().min(Integer::compare)).orElse(-1);
            }
        }
        return -1;
    }

    private static Map<Integer, Integer> nodes(FsRoot fs) {
        Map<Integer, Integer> byCpu = new TreeMap<>();
        Path dir = fs.path("/sys/devices/system/node");
        for (String name : children(dir)) {
            if (name.matches("node\\d+")) {
                int node = Integer.parseInt(name.substring(4));
                fs.readCpuList("/sys/devices/system/node/" + name + "/cpulist")
                        .ifPresent(list -> list.forEach(cpu -> byCpu.put(cpu, node)));
            }
        }
        return byCpu;
    }

    /**
     * Hybrid core types: Intel lists its P- and E-cores under /sys/devices/cpu_core and cpu_atom;
     * elsewhere (Arm big.LITTLE) CPUs of the highest cpu_capacity are P, the others E.
     */
    private static Map<Integer, String> types(FsRoot fs, List<Integer> online) {
        Map<Integer, String> types = new TreeMap<>();
        fs.readCpuList("/sys/devices/cpu_core/cpus").ifPresent(l -> l.forEach(c -> types.put(c, "P")));
        fs.readCpuList("/sys/devices/cpu_atom/cpus").ifPresent(l -> l.forEach(c -> types.put(c, "E")));
        if (!types.isEmpty()) {
            return types;
        }
        Map<Integer, Integer> capacity = new TreeMap<>();
        online.forEach(c -> fs.readInt(CPU_DIR + "cpu" + c + "/cpu_capacity").ifPresent(v -> capacity.put(c, v)));
        if (capacity.values().stream().distinct().count() > 1) {
            int max = capacity.values().stream().max(Integer::compare).orElseThrow();
            capacity.forEach((c, v) -> types.put(c, v == max ? "P" : "E"));
        }
        return types;
    }

    private static List<Integer> listed(FsRoot fs) {
        return children(fs.path(CPU_DIR)).stream().filter(n -> n.matches("cpu\\d+"))
                .map(n -> Integer.parseInt(n.substring(3))).sorted().toList();
    }

    private static List<String> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
