package corescale.topology;

import corescale.stats.run.MachineKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import corescale.results.CpuList;

/**
 * Which CPUs a point at N cores runs on: the first N of one ordering of the CPUs this process may
 * use.
 *
 * <p>{@code compact} (the default): one CPU per physical core first, so that "2 cores" is two
 * cores and not two SMT threads of one; cores in the same L3 domain, NUMA node and package
 * together, one domain filled before the next; the SMT siblings only after every physical core;
 * on hybrid CPUs P-cores before E-cores. CPU 0, which takes most interrupts, comes last when others
 * are free: its core is the last of its domain, and its domain the last of its kind.
 * {@code spread}: the same, but consecutive cores alternate between packages, for the cross-socket
 * case. {@code explicit}: the user's own list, in the user's order.
 *
 * @param policy "compact", "spread" or "explicit"
 * @param order  the CPUs in the order they are taken
 */
public record Placement(Topology topology, CpuLimits limits, String policy, List<Integer> order) {

    public static final String COMPACT = "compact";
    public static final String SPREAD = "spread";
    public static final String EXPLICIT = "explicit";

    public Placement {
        order = List.copyOf(order);
    }

    /** The placement for {@code policy} ({@code compact} or {@code spread}). */
    public static Placement of(Topology topology, CpuLimits limits, String policy) {
        if (!policy.equals(COMPACT) && !policy.equals(SPREAD)) {
            throw new IllegalArgumentException("unknown placement '" + policy + "' (compact or spread)");
        }
        List<Cpu> usable = topology.cpus().stream().filter(c -> limits.allowed().contains(c.id())).toList();
        boolean cpu0 = usable.stream().anyMatch(c -> c.id() == 0);
        Comparator<Cpu> domains = Comparator.<Cpu>comparingInt(c -> holdsCpu0(cpu0, usable, Cpu::pkg, c))
                .thenComparingInt(Cpu::pkg)
                .thenComparingInt(c -> holdsCpu0(cpu0, usable, Cpu::node, c)).thenComparingInt(Cpu::node)
                .thenComparingInt(c -> holdsCpu0(cpu0, usable, Cpu::l3, c)).thenComparingInt(Cpu::l3)
                .thenComparing(c -> c.type().equals("E")) // P (or untyped) before E
                .thenComparingInt(c -> holdsCpu0(cpu0, usable, Cpu::core, c)).thenComparingInt(Cpu::core);
        // Each physical core's usable threads, cores in domain order.
        Map<Integer, List<Cpu>> cores = new LinkedHashMap<>();
        usable.stream().sorted(domains.thenComparingInt(Cpu::thread).thenComparingInt(Cpu::id))
                .forEach(c -> cores.computeIfAbsent(c.core(), k -> new ArrayList<>()).add(c));
        List<List<Cpu>> coreOrder = new ArrayList<>(cores.values());
        if (policy.equals(SPREAD)) {
            coreOrder = alternatePackages(coreOrder);
        }
        List<Integer> order = new ArrayList<>();
        for (int thread = 0; order.size() < usable.size(); thread++) {
            for (List<Cpu> core : coreOrder) {
                if (thread < core.size()) {
                    order.add(core.get(thread).id());
                }
            }
        }
        return new Placement(topology, limits, policy, order);
    }

    /** The user's CPUs, in the user's order; each must be one this process may use. */
    public static Placement explicit(Topology topology, CpuLimits limits, List<Integer> cpus) {
        for (int cpu : cpus) {
            if (!limits.allowed().contains(cpu)) {
                throw new IllegalArgumentException("--cpus " + CpuList.format(cpus) + ": CPU " + cpu
                        + " is not one this process may use (" + CpuList.format(limits.allowed()) + ")");
            }
        }
        if (cpus.stream().distinct().count() != cpus.size() || cpus.isEmpty()) {
            throw new IllegalArgumentException("--cpus " + CpuList.format(cpus) + ": each CPU once, at least one");
        }
        return new Placement(topology, limits, EXPLICIT, cpus);
    }

    public int maxCores() {
        return order.size();
    }

    /** The CPUs a point at {@code cores} runs on. */
    public List<Integer> cpusFor(int cores) {
        if (cores < 1 || cores > maxCores()) {
            throw new IllegalArgumentException("cores must be 1.." + maxCores() + ", not " + cores);
        }
        return order.subList(0, cores);
    }

    /** 1, 2, 4 ... below the maximum, then the maximum. */
    public List<Integer> defaultCoreCounts() {
        List<Integer> counts = new ArrayList<>();
        for (int c = 1; c < maxCores(); c *= 2) {
            counts.add(c);
        }
        counts.add(maxCores());
        return counts;
    }

    /** The plan's line for a core count: {@code cores=4 cpus=0,2,4,6}, then what to know about it. */
    public String line(int cores) {
        List<String> notes = notes(cores);
        return "cores=" + cores + " cpus=" + CpuList.format(cpusFor(cores)) + (notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")");
    }

    /** Above the quota (a warning), SMT threads sharing a core, several packages or core types. */
    public List<String> notes(int cores) {
        List<String> notes = new ArrayList<>();
        if (limits.aboveQuota(cores)) {
            notes.add(MachineKeys.ABOVE_QUOTA + ": " + limits.describeQuota() + " for " + cores + " cores");
        }
        List<Cpu> cpus = cpusFor(cores).stream().map(id -> topology.cpu(id).orElse(new Cpu(id, 0, 0, id, 0, 0, -1, ""))).toList();
        long physical = cpus.stream().mapToInt(Cpu::core).distinct().count();
        if (physical < cores) {
            notes.add(physical + " physical cores, SMT siblings share them");
        }
        long packages = cpus.stream().mapToInt(Cpu::pkg).distinct().count();
        if (packages > 1) {
            notes.add(packages + " packages");
        }
        if (cpus.stream().map(Cpu::type).distinct().count() > 1) {
            notes.add("mixed P- and E-cores");
        }
        return notes;
    }

    /** What run.json records: the policy, the CPUs of each core count and what to know about them. */
    public Map<String, Object> toJson(List<Integer> coreCounts) {
        Map<String, Object> byCores = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        Map<String, Object> notes = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        for (int cores : coreCounts) {
            byCores.put(Integer.toString(cores), CpuList.format(cpusFor(cores)));
            List<String> these = notes(cores);
            if (!these.isEmpty()) {
                notes.put(Integer.toString(cores), String.join("; ", these));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(MachineKeys.POLICY, policy);
        json.put(MachineKeys.CPUS_BY_CORES, byCores);
        json.put(MachineKeys.NOTES_BY_CORES, notes);
        return json;
    }

    /** 1 for the domain (package, node, L3, core) that holds CPU 0 when CPU 0 may be used, else 0. */
    private static int holdsCpu0(boolean cpu0, List<Cpu> usable, Function<Cpu, Integer> domain, Cpu c) {
        if (!cpu0) {
            return 0;
        }
        int zeroDomain = domain.apply(usable.stream().filter(u -> u.id() == 0).findFirst().orElseThrow());
        return domain.apply(c) == zeroDomain ? 1 : 0;
    }

    /** Cores of package A, B, A, B ...: each package's cores keep their order. */
    private static List<List<Cpu>> alternatePackages(List<List<Cpu>> cores) {
        Map<Integer, List<List<Cpu>>> byPackage = new LinkedHashMap<>();
        cores.forEach(core -> byPackage.computeIfAbsent(core.get(0).pkg(), p -> new ArrayList<>()).add(core));
        List<List<Cpu>> result = new ArrayList<>();
        for (int i = 0; result.size() < cores.size(); i++) {
            for (List<List<Cpu>> pkg : byPackage.values()) {
                if (i < pkg.size()) {
                    result.add(pkg.get(i));
                }
            }
        }
        return result;
    }
}
