package corescale.benchmarks.exec;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** The trivial native command the spawn family starts: it does nothing and exits 0. */
public final class TrueCommand {

    private TrueCommand() {
    }

    /**
     * {@code /bin/true} or {@code /usr/bin/true} on Unix-like systems, {@code cmd.exe /c exit 0} on
     * Windows; throws a clear error when none is found.
     */
    public static List<String> find() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String systemRoot = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            File cmd = new File(systemRoot, "System32\\cmd.exe");
            if (cmd.canExecute()) {
                return List.of(cmd.getPath(), "/c", "exit", "0");
            }
            throw new IllegalStateException("no trivial native command for the spawn family: " + cmd + " not found");
        }
        for (String path : new String[] {"/bin/true", "/usr/bin/true"}) {
            if (new File(path).canExecute()) {
                return List.of(path);
            }
        }
        throw new IllegalStateException("no trivial native command for the spawn family: neither /bin/true nor "
                + "/usr/bin/true is an executable file on this " + System.getProperty("os.name"));
    }
}
