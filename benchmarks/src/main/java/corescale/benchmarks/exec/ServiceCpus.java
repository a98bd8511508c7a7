package corescale.benchmarks.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import corescale.results.CpuList;

/**
 * Where the loopback service runs (Linux). It stands for another machine, so where the machine has
 * CPUs the measured fork does not use, it runs there and never competes with the model it serves;
 * where it has none (the fork has every CPU), it shares them, and the run says so.
 *
 * <p>"The machine" is what the fork's parent (the JMH runner, which the sweep does not restrict) may
 * use, read from {@code /proc/<pid>/status}, so a container's cpuset is respected; without it, the
 * fork's own set.
 *
 * @param cpus        the CPUs to start the service on
 * @param separate    whether none of them is one of the fork's
 * @param description one line for the run facts, e.g. {@code 1 (CPUs the fork does not use)}
 */
public record ServiceCpus(List<Integer> cpus, boolean separate, String description) {

    public ServiceCpus {
        cpus = List.copyOf(cpus);
    }

    /** The placement for this fork: the machine's CPUs the fork does not use, else all of them. */
    public static Optional<ServiceCpus> forThisFork() {
        Optional<List<Integer>> own = allowed(Path.of("/proc/self/status"));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Integer>> machine = ProcessHandle.current().parent()
                .flatMap(p -> allowed(Path.of("/proc", Long.toString(p.pid()), "status")));
        return Optional.of(choose(machine.orElse(own.get()), own.get()));
    }

    /** The CPUs of {@code machine} that are not in {@code fork}; all of both when there are none. */
    public static ServiceCpus choose(List<Integer> machine, List<Integer> fork) {
        List<Integer> free = new ArrayList<>(machine);
        free.removeAll(fork);
        if (!free.isEmpty()) {
            return new ServiceCpus(free, true, CpuList.format(free) + " (CPUs the fork does not use)");
        }
        List<Integer> all = new ArrayList<>(machine);
        fork.stream().filter(c -> !all.contains(c)).forEach(all::add);
        all.sort(null);
        return new ServiceCpus(all, false, CpuList.format(all) + " (shared with the fork: no CPU is free)");
    }

    /** {@code Cpus_allowed_list} of a {@code /proc/<pid>/status} file, if readable. */
    public static Optional<List<Integer>> allowed(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return Optional.of(CpuList.parse(line.substring(line.indexOf(':') + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
