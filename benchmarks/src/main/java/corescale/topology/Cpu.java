package corescale.topology;

/**
 * One logical CPU and where it sits.
 *
 * @param id       the kernel's CPU number
 * @param pkg      physical package (socket)
 * @param die      die within the package
 * @param core     the physical core, named by its lowest-numbered hardware thread (core ids repeat across packages)
 * @param thread   this CPU's position among its core's hardware threads: 0 for the first
 * @param node     NUMA node, 0 where the kernel has none
 * @param l3       the L3 domain, named by its lowest-numbered CPU; -1 where unknown
 * @param type     "P" or "E" on hybrid CPUs, empty elsewhere
 */
public record Cpu(int id, int pkg, int die, int core, int thread, int node, int l3, String type) {
}
