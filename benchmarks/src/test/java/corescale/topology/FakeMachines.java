package corescale.topology;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fake machines under test resources fsroot/ (written by make-trees.py there). */
public final class FakeMachines {

    private FakeMachines() {
    }

    public static FsRoot tree(String name) {
        try {
            return new FsRoot(Path.of(FakeMachines.class.getResource("/fsroot/" + name).toURI()));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fake machine " + name + " in the test resources", e);
        }
    }

    public static Placement compact(String name) {
        return placement(name, Placement.COMPACT);
    }

    public static Placement placement(String name, String policy) {
        FsRoot fs = tree(name);
        Topology topology = Topology.read(fs);
        return Placement.of(topology, CpuLimits.read(fs, topology), policy);
    }
}
