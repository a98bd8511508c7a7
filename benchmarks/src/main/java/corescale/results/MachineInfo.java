package corescale.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Facts about the machine and JDK that go into every row of results.csv, read from the running
 * system. The forks run on the same JDK as this process, so its vendor and version are theirs.
 */
public record MachineInfo(String host, String os, String arch, String cpuModel, int cpusOnline,
                          String jdkVendor, String jdkVersion) {

    public static MachineInfo current() {
        return new MachineInfo(hostName(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), readCpuModel(), readCpusOnline(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")));
    }

    /** A name safe for a folder: letters, digits, dot and dash. */
    public String hostForPath() {
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return safe.isEmpty() ? "host" : safe;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** "model name" from /proc/cpuinfo on Linux; the JVM's os.arch elsewhere. */
    private static String readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name") || line.startsWith("Model") || line.startsWith("Hardware")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            return line.substring(colon + 1).trim();
                        }
                    }
                }
            } catch (IOException e) {
                // fall through to the unknown model
            }
        }
        return "unknown " + System.getProperty("os.arch");
    }

    /** CPUs online in the machine, which may be more than this process may use. */
    private static int readCpusOnline() {
        Path online = Path.of("/sys/devices/system/cpu/online");
        if (Files.isReadable(online)) {
            try {
                return CpuList.parse(Files.readString(online).trim()).size();
            } catch (IOException | IllegalArgumentException e) {
                // fall back below
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
