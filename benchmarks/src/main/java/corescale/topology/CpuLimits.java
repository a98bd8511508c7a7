package corescale.topology;

import corescale.stats.io.TextNumbers;
import corescale.stats.run.RunFile;
import corescale.stats.run.MachineKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import corescale.results.CpuList;

/**
 * What this process may use of the machine: the CPUs it may run on (its affinity, which the cpuset
 * already narrows) and the CPU time its cgroup grants, from cgroup v2 {@code cpu.max} or v1
 * {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}, the smallest along the path to the root.
 * A quota of 1.5 CPUs over a cpuset of 4 lets 4 threads run, but each at about 40% of the time.
 *
 * @param allowed    the CPUs this process may run on
 * @param cpuset     the cgroup's effective cpuset, where one is set
 * @param quotaCpus  CPU time granted, in CPUs (quota / period); empty for no limit
 * @param quotaFrom  which file the quota came from, for messages
 */
public record CpuLimits(List<Integer> allowed, Optional<List<Integer>> cpuset, OptionalDouble quotaCpus, String quotaFrom) {

    private static final String CGROUP = "/sys/fs/cgroup";

    public static CpuLimits read(FsRoot fs, Topology topology) {
        List<Integer> all = topology.cpus().stream().map(Cpu::id).toList();
        List<Integer> allowed = new ArrayList<>(fs.field("/proc/self/status", "Cpus_allowed_list")
                .flatMap(FsRoot::parseCpuList).orElse(all));
        Optional<List<Integer>> cpuset = Optional.empty();
        OptionalDouble quota = OptionalDouble.empty();
        String from = "";
        for (String line : fs.lines("/proc/self/cgroup")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            List<String> controllers = List.of(f[1].split(","));
            if (f[0].equals("0") && f[1].isEmpty()) {
                for (String dir : upwards(CGROUP, f[2])) {
                    OptionalDouble q = v2Quota(fs, dir + "/cpu.max");
                    if (q.isPresent() && (quota.isEmpty() || q.getAsDouble() < quota.getAsDouble())) {
                        quota = q;
                        from = "cgroup v2 " + dir + "/cpu.max";
                    }
                    if (cpuset.isEmpty()) {
                        cpuset = fs.readCpuList(dir + "/cpuset.cpus.effective");
                    }
                }
            }
            if (controllers.contains("cpu")) {
                for (String dir : v1Dirs(f[1], "cpu", f[2])) {
                    OptionalDouble q = v1Quota(fs, dir);
                    if (q.isPresent() && (quota.isEmpty() || q.getAsDouble() < quota.getAsDouble())) {
                        quota = q;
                        from = "cgroup v1 " + dir + "/cpu.cfs_quota_us";
                    }
                }
            }
            if (controllers.contains("cpuset") && cpuset.isEmpty()) {
                for (String dir : v1Dirs(f[1], "cpuset", f[2])) {
                    cpuset = fs.readCpuList(dir + "/cpuset.effective_cpus").or(() -> fs.readCpuList(dir + "/cpuset.cpus"));
                    if (cpuset.isPresent()) {
                        break;
                    }
                }
            }
        }
        cpuset.ifPresent(set -> allowed.retainAll(set));
        allowed.retainAll(all);
        return new CpuLimits(List.copyOf(allowed), cpuset, quota, from);
    }

    /** Whether {@code cores} busy threads would get less CPU time than {@code cores} CPUs give. */
    public boolean aboveQuota(int cores) {
        return quotaCpus.isPresent() && RunFile.aboveQuota(cores, quotaCpus.getAsDouble());
    }

    /** "CPU quota 1.5 CPUs (cgroup v2 /sys/fs/cgroup/cpu.max)", or empty without a quota. */
    public String describeQuota() {
        return quotaCpus.isEmpty() ? "" : "CPU quota " + TextNumbers.significant(quotaCpus.getAsDouble(), 3) + " CPUs (" + quotaFrom + ")";
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(MachineKeys.ALLOWED_CPUS, CpuList.format(allowed));
        json.put("cpuset", cpuset.map(CpuList::format).orElse(""));
        json.put(MachineKeys.QUOTA_CPUS, quotaCpus.isPresent() ? quotaCpus.getAsDouble() : null);
        json.put(MachineKeys.QUOTA_FROM, quotaFrom);
        return json;
    }

    /** {@code max 100000} is no limit; {@code 150000 100000} is 1.5 CPUs. */
    private static OptionalDouble v2Quota(FsRoot fs, String file) {
        return fs.read(file).map(text -> {
            String[] f = text.split("\\s+");
            if (f.length != 2 || f[0].equals("max")) {
                return OptionalDouble.empty();
            }
            return ratio(f[0], f[1]);
        }).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble v1Quota(FsRoot fs, String dir) {
        Optional<String> quota = fs.read(dir + "/cpu.cfs_quota_us");
        Optional<String> period = fs.read(dir + "/cpu.cfs_period_us");
        if (quota.isEmpty() || period.isEmpty() || quota.get().startsWith("-")) {
            return OptionalDouble.empty();
        }
        return ratio(quota.get(), period.get());
    }

    private static OptionalDouble ratio(String quota, String period) {
        try {
            double p = Double.parseDouble(period);
            return p > 0 ? OptionalDouble.of(Double.parseDouble(quota) / p) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** {@code base + path}, then each parent up to {@code base}. */
    private static List<String> upwards(String base, String path) {
        List<String> dirs = new ArrayList<>();
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        while (true) {
            dirs.add(p.equals("/") || p.isEmpty() ? base : base + p);
            if (p.equals("/") || p.isEmpty()) {
                return dirs;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
    }

    /**
     * A v1 hierarchy is mounted as /sys/fs/cgroup/cpu,cpuacct or /sys/fs/cgroup/cpu; inside a
     * container the mount's root is the container's own group, so the path may not exist under it
     * and the mount root is what applies.
     */
    private static List<String> v1Dirs(String controllers, String controller, String path) {
        List<String> dirs = new ArrayList<>(upwards(CGROUP + "/" + controllers, path));
        if (!controllers.equals(controller)) {
            dirs.addAll(upwards(CGROUP + "/" + controller, path));
        }
        return dirs;
    }
}
