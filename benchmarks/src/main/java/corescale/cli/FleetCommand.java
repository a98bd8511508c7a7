package corescale.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import corescale.stats.StatsTool;

/** {@code fleet}: several machines' runs on one page (see docs/fleet.md). */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"One page for several machines: each machine's answers side by side, its CPU, cores, JDK and "
                + "canary, and per benchmark setting one chart of every machine's scaling over cores (and per core). "
                + "Writes fleet.md, fleet.html and their charts.",
                "",
                "  fleet results/lab-20261101-101010     a fleet run as fleet/run.yml fetches it: one run folder per host",
                "  fleet results/a results/b             run folders, each a machine",
                "",
                "A machine is named by its run folder's name."})
final class FleetCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "A folder of run folders (one per machine), or run folders.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write. Default: the first DIR when it holds run folders, else the folder holding it.")
    Path out;

    @Override
    public Integer call() {
        return new StatsTool().fleet(inputs, out, System.out, System.err);
    }
}
