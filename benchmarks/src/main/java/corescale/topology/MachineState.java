package corescale.topology;

import corescale.stats.run.MachineKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The frequency facts that change results, read once per run: the cpufreq governor(s) and driver,
 * and whether boost (turbo) is on. On a VM these are usually not exposed, which is said as such.
 */
public record MachineState(String governor, String driver, String boost) {

    private static final String CPU_DIR = "/sys/devices/system/cpu/";

    public static MachineState read(FsRoot fs, Topology topology) {
        TreeSet<String> governors = new TreeSet<>();
        TreeSet<String> drivers = new TreeSet<>();
        for (Cpu cpu : topology.cpus()) {
            fs.read(CPU_DIR + "cpu" + cpu.id() + "/cpufreq/scaling_governor").ifPresent(governors::add);
            fs.read(CPU_DIR + "cpu" + cpu.id() + "/cpufreq/scaling_driver").ifPresent(drivers::add);
        }
        String boost = fs.read(CPU_DIR + "cpufreq/boost").map(v -> v.equals("1") ? "on" : "off")
                .or(() -> fs.read(CPU_DIR + "intel_pstate/no_turbo").map(v -> v.equals("1") ? "off" : "on"))
                .orElse(NOT_EXPOSED);
        return new MachineState(join(governors), join(drivers), boost);
    }

    static final String NOT_EXPOSED = "not exposed";

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(MachineKeys.GOVERNOR, governor);
        json.put(MachineKeys.CPUFREQ_DRIVER, driver);
        json.put(MachineKeys.BOOST, boost);
        return json;
    }

    private static String join(TreeSet<String> values) {
        return values.isEmpty() ? NOT_EXPOSED : String.join(",", List.copyOf(values));
    }
}
