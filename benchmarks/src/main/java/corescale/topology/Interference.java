package corescale.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What else took the CPUs while a fork measured: the hypervisor's steal time on the fork's CPUs
 * (/proc/stat) and the fork's involuntary context switches (/proc/self/task/N/status, summed over
 * its threads). Read inside the fork around every iteration, always from the real /proc.
 *
 * @param stealTicks   steal time of the CPUs, in clock ticks
 * @param totalTicks   all time of the CPUs, in clock ticks
 * @param involuntary  involuntary context switches per live thread id
 */
public record Interference(long stealTicks, long totalTicks, Map<Long, Long> involuntary) {

    /** Now, for the CPUs {@code cpus}. */
    public static Interference read(FsRoot fs, Set<Integer> cpus) {
        long steal = 0;
        long total = 0;
        for (String line : fs.lines("/proc/stat")) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int cpu;
            try {
                cpu = Integer.parseInt(f[0].substring(3));
            } catch (NumberFormatException e) {
                continue;
            }
            if (!cpus.contains(cpu)) {
                continue;
            }
            // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is
            // already counted in user and nice, so the first eight fields are all the time there is.
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            if (f.length > 8) {
                steal += Long.parseLong(f[8]);
            }
        }
        Map<Long, Long> switches = new HashMap<>();
        Path tasks = fs.path("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path task : s.toList()) {
                    String tid = task.getFileName().toString();
                    fs.field("/proc/self/task/" + tid + "/status", "nonvoluntary_ctxt_switches")
                            .ifPresent(v -> switches.put(Long.parseLong(tid), Long.parseLong(v)));
                }
            } catch (IOException | NumberFormatException e) {
                // a thread that ended while listed: its switches are simply not counted
            }
        }
        return new Interference(steal, total, switches);
    }

    /** Steal ticks from {@code before} to this. */
    public long stealSince(Interference before) {
        return stealTicks - before.stealTicks;
    }

    public long totalSince(Interference before) {
        return totalTicks - before.totalTicks;
    }

    /**
     * Involuntary switches of the threads alive now since {@code before}; a thread started in
     * between counts from zero, one that ended in between is not counted.
     */
    public long involuntarySince(Interference before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : involuntary.entrySet()) {
            sum += e.getValue() - before.involuntary.getOrDefault(e.getKey(), 0L);
        }
        return Math.max(0, sum);
    }

    /** Steal as a share of time, or NaN when no time passed. */
    public static double stealShare(long steal, long total) {
        return total > 0 ? (double) steal / total : Double.NaN;
    }

}
