package corescale.stats.run;

/**
 * The keys of run.json's machine description that the run writes ({@code topology.Topology},
 * {@code MachineState}, {@code CpuLimits}, {@code Placement}) and the report reads back: named once,
 * here, for both sides.
 */
public final class MachineKeys {

    /** {@code topology}: the topology in words. */
    public static final String SUMMARY = "summary";
    /** {@code machine_state}: the frequency governor, its driver, and boost. */
    public static final String GOVERNOR = "governor";
    public static final String CPUFREQ_DRIVER = "cpufreq_driver";
    public static final String BOOST = "boost";
    /** {@code limits}: the CPUs this process may use and the cgroup's CPU quota, and where it was read. */
    public static final String ALLOWED_CPUS = "allowed_cpus";
    public static final String QUOTA_CPUS = "quota_cpus";
    public static final String QUOTA_FROM = "quota_from";
    /** {@code placement}: the policy, the CPUs of each core count and what to know about them. */
    public static final String POLICY = "policy";
    public static final String CPUS_BY_CORES = "cpus_by_cores";
    public static final String NOTES_BY_CORES = "notes_by_cores";
    /**
     * How the plan's and run.json's placement note begins when a core count is above the CPU quota: written
     * only; the report flags such core counts from the quota itself ({@link RunFile#coresAboveQuota}).
     */
    public static final String ABOVE_QUOTA = "ABOVE QUOTA";

    private MachineKeys() {
    }
}
