package corescale.benchmarks.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP service on 127.0.0.1 that answers each 8-byte request after a set delay, like a remote call
 * (see {@link LoopbackProtocol}). The calling thread accepts connections and deals them round-robin
 * to {@code loops} event loops ({@link ServiceLoop}), each a thread with its own selector: thousands
 * of open connections cost a few kilobytes each, no thread each, and the service has one loop per CPU
 * it may use, so it is not held to one CPU when it has more. In each loop requests wait in a FIFO (the
 * delay is the same for all, so due times only grow); the loop waits in {@code select}, for requests
 * and for its alarm, which wakes it when the next one is due, so requests are timed when they arrive,
 * answers never leave early and leave late only by the OS's wake-up latency and the loop's work. Requests pipelined on one connection are
 * answered in order.
 *
 * <p>Runs in a child JVM ({@link LoopbackServiceMain}), never inside the measured fork.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int BACKLOG = 4096;

    private final ServerSocketChannel server;
    private final List<ServiceLoop> loops = new ArrayList<>();
    private volatile boolean stopping;

    /** Binds 127.0.0.1 on a free port; {@code loops} event loops will serve the connections. */
    public LoopbackServer(long delayNanos, int loops) throws IOException {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("at least one loop, not " + loops);
        }
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        for (int i = 0; i < loops; i++) {
            this.loops.add(new ServiceLoop(delayNanos, this::stop));
        }
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    public int loops() {
        return loops.size();
    }

    /** Asks {@link #run()} to return; safe from any thread. */
    public void stop() {
        stopping = true;
        try {
            server.close(); // ends the blocking accept
        } catch (IOException ignored) {
            // closing anyway
        }
        loops.forEach(ServiceLoop::stop);
    }

    /** Answers sent so far, all loops together. */
    public long answered() {
        return loops.stream().mapToLong(ServiceLoop::answered).sum();
    }

    /**
     * Serves until {@link #stop()}: the loops on threads of their own, accepting on this one; then
     * closes every connection and the listening socket.
     */
    public void run() throws IOException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            threads.add(Thread.ofPlatform().name(ExecTrace.THREAD_PREFIX + "service-loop-" + i).start(loops.get(i)));
        }
        try {
            int next = 0;
            while (!stopping) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (ClosedChannelException e) {
                    break; // stop() closed it
                }
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                loops.get(next).hand(ch);
                next = (next + 1) % loops.size();
            }
        } finally {
            stop();
            for (Thread t : threads) {
                try {
                    t.join(Timeouts.CHILD_STOP.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            close();
        }
    }

    /** Closes the listening socket and every loop's connections. */
    @Override
    public void close() throws IOException {
        server.close();
        for (ServiceLoop l : loops) {
            l.close();
        }
    }
}
