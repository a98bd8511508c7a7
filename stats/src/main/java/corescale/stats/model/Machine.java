package corescale.stats.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The machine and JDK a run measured on: run.json's {@code machine}, and the machine columns of every
 * row of results.csv (all but {@code started}). Written by {@code run} from the running system
 * ({@code results.MachineInfo}), read by the report.
 *
 * @param cpusOnline CPUs online in the machine, which may be more than the run could use
 * @param started    when the run started (ISO 8601, to the second): a VM's CPU changes between sessions; null in a row
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // as RunFile: a field another version writes does not make the file unreadable
public record Machine(String host, String os, String arch, @JsonProperty(Machine.CPU_MODEL) String cpuModel,
                      @JsonProperty(Machine.CPUS_ONLINE) int cpusOnline, String jdkVendor,
                      @JsonProperty(Machine.JDK_VERSION) String jdkVersion, @JsonProperty(Machine.STARTED) String started) {

    /*
     * The names run.json gives the fields the report's machine line reads: the report gets the machine
     * as names and texts (ReportInput#machine, which joins the values of several runs).
     */
    public static final String CPU_MODEL = "cpuModel";
    public static final String CPUS_ONLINE = "cpusOnline";
    public static final String JDK_VERSION = "jdkVersion";
    public static final String STARTED = "started";

    /** {@link #cpusOnline} as a field's text: empty when unknown, as 0 is (JMH's own files do not record it). */
    public String cpusOnlineText() {
        return cpusOnline == 0 ? "" : Integer.toString(cpusOnline);
    }

    /** A name safe for a folder: letters, digits, dot and dash. */
    public String hostForPath() {
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return safe.isEmpty() ? "host" : safe;
    }
}
