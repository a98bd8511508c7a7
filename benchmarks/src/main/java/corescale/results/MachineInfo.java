package corescale.results;

import corescale.stats.model.Machine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Reads the machine and JDK from the running system, as run.json and every row of results.csv
 * describe them ({@link Machine}). The forks run on the same JDK as this process, so its vendor and
 * version are theirs.
 */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** This machine and JDK, started now. */
    public static Machine current() {
        return new Machine(hostName(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), readCpuModel(), readCpusOnline(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version",
                System.getProperty("java.version")),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
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
