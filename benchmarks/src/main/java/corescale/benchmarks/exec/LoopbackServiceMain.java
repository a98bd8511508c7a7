package corescale.benchmarks.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import corescale.results.CpuList;

/**
 * The loopback service's child JVM: {@code LoopbackServiceMain <delayMs>}. Binds 127.0.0.1 on a free
 * port, prints {@code PORT <n> CPUS <the CPUs it may run on> LOOPS <event loops>} on stdout, serves
 * until its stdin ends (its parent closed the pipe or died), then closes every socket and exits 0.
 */
public final class LoopbackServiceMain {

    private LoopbackServiceMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LoopbackServiceMain <delayMs>");
            System.exit(2);
        }
        double delayMs = Double.parseDouble(args[0]);
        // one event loop per CPU the service may use: it follows the service's own affinity
        LoopbackServer server = new LoopbackServer(Math.round(delayMs * TimeUnit.MILLISECONDS.toNanos(1)),
                Runtime.getRuntime().availableProcessors());
        Thread watcher = Thread.ofPlatform().daemon(true).name(ExecTrace.THREAD_PREFIX + "service-stdin").start(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // nothing is expected on stdin; end of input means stop
                }
            } catch (IOException ignored) {
                // treated as end of input
            }
            server.stop();
        });
        String cpus = ServiceCpus.allowed(Path.of("/proc/self/status")).map(CpuList::format).orElse("unknown");
        System.out.println("PORT " + server.port() + " CPUS " + cpus + " LOOPS " + server.loops());
        System.out.flush();
        server.run();
        System.err.println("loopback service stopped after " + server.answered() + " answers");
        watcher.interrupt();
        System.exit(0);
    }
}
