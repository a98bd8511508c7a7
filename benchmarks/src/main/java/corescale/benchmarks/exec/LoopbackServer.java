package corescale.benchmarks.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP service on 127.0.0.1 that answers each 8-byte request after a set delay, like a remote call
 * (see {@link LoopbackProtocol}). The calling thread accepts connections and deals them round-robin
 * to {@code loops} event loops, each a thread with its own selector: thousands of open connections
 * cost a few kilobytes each, no thread each, and the service has one loop per CPU it may use, so it
 * is not held to one CPU when it has more. In each loop requests wait in a FIFO (the delay is the same
 * for all, so due times only grow); the loop sleeps in {@code select} until the next one is due, and
 * the last sub-millisecond in {@code parkNanos}, so answers never leave early and leave late only by
 * the OS's wake-up latency and the loop's work. Requests pipelined on one connection are answered in
 * order.
 *
 * <p>Runs in a child JVM ({@link LoopbackServiceMain}), never inside the measured fork.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int BACKLOG = 4096;

    private final long delayNanos;
    private final ServerSocketChannel server;
    private final List<Loop> loops = new ArrayList<>();
    private volatile boolean stopping;

    /** Binds 127.0.0.1 on a free port; {@code loops} event loops will serve the connections. */
    public LoopbackServer(long delayNanos, int loops) throws IOException {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("at least one loop, not " + loops);
        }
        this.delayNanos = delayNanos;
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        for (int i = 0; i < loops; i++) {
            this.loops.add(new Loop());
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
        loops.forEach(l -> l.selector.wakeup());
    }

    /** Answers sent so far, all loops together. */
    public long answered() {
        return loops.stream().mapToLong(l -> l.answered).sum();
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
        for (Loop l : loops) {
            l.close();
        }
    }

    private record Pending(long dueNanos, Connection connection, long answer) {
    }

    private static final class Connection {
        final SocketChannel channel;
        final ByteBuffer request = ByteBuffer.allocate(LoopbackProtocol.FRAME);
        ByteBuffer out = ByteBuffer.allocate(LoopbackProtocol.FRAME * 4); // write mode
        SelectionKey key;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** One event loop: its connections, its FIFO of due answers. */
    private final class Loop implements Runnable {
        final Selector selector;
        final Queue<SocketChannel> handed = new ConcurrentLinkedQueue<>();
        final ArrayDeque<Pending> due = new ArrayDeque<>();
        final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 16);
        volatile long answered;

        Loop() throws IOException {
            selector = Selector.open();
        }

        void hand(SocketChannel ch) {
            handed.add(ch);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    register();
                    waitForWork();
                    handleSelected();
                    answerDue();
                }
            } catch (IOException e) {
                System.err.println("loopback service loop failed: " + e);
                LoopbackServer.this.stop();
            }
        }

        private void register() throws IOException {
            SocketChannel ch;
            while ((ch = handed.poll()) != null) {
                Connection c = new Connection(ch);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
            }
        }

        private void waitForWork() throws IOException {
            Pending head = due.peekFirst();
            if (head == null) {
                selector.select();
                return;
            }
            long wait = head.dueNanos - System.nanoTime();
            if (wait >= TimeUnit.MILLISECONDS.toNanos(1)) {
                selector.select(TimeUnit.NANOSECONDS.toMillis(wait)); // wakes at most 1 ms early, never late
            } else if (wait > 0) {
                if (selector.selectNow() == 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                selector.selectNow();
            }
        }

        private void handleSelected() {
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                if (!key.isValid()) {
                    continue;
                }
                Connection c = (Connection) key.attachment();
                try {
                    if (key.isReadable()) {
                        read(c);
                    }
                    if (key.isValid() && key.isWritable()) {
                        flush(c);
                    }
                } catch (IOException e) {
                    closeConnection(c); // a client that went away (reset) is not the service's failure
                }
            }
        }

        private void read(Connection c) throws IOException {
            while (true) {
                readBuffer.clear();
                int n = c.channel.read(readBuffer);
                if (n < 0) {
                    closeConnection(c);
                    return;
                }
                if (n == 0) {
                    return;
                }
                readBuffer.flip();
                long now = System.nanoTime();
                while (readBuffer.hasRemaining()) {
                    int take = Math.min(c.request.remaining(), readBuffer.remaining());
                    for (int i = 0; i < take; i++) {
                        c.request.put(readBuffer.get());
                    }
                    if (!c.request.hasRemaining()) {
                        long id = c.request.flip().getLong();
                        c.request.clear();
                        due.addLast(new Pending(now + delayNanos, c, LoopbackProtocol.answer(id)));
                    }
                }
                if (n < readBuffer.capacity()) {
                    return;
                }
            }
        }

        private void answerDue() {
            long now = System.nanoTime();
            Pending p;
            while ((p = due.peekFirst()) != null && p.dueNanos - now <= 0) {
                due.pollFirst();
                Connection c = p.connection;
                if (!c.channel.isOpen()) {
                    continue;
                }
                if (c.out.remaining() < LoopbackProtocol.FRAME) {
                    ByteBuffer bigger = ByteBuffer.allocate(c.out.capacity() * 2);
                    c.out.flip();
                    bigger.put(c.out);
                    c.out = bigger;
                }
                c.out.putLong(p.answer);
                answered++;
                try {
                    flush(c);
                } catch (IOException e) {
                    closeConnection(c);
                }
            }
        }

        private void flush(Connection c) throws IOException {
            c.out.flip();
            c.channel.write(c.out);
            c.out.compact();
            if (c.key.isValid()) {
                int ops = c.out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
                if (c.key.interestOps() != ops) {
                    c.key.interestOps(ops);
                }
            }
        }

        private void closeConnection(Connection c) {
            c.key.cancel();
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        void close() throws IOException {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            SocketChannel ch;
            while ((ch = handed.poll()) != null) {
                ch.close();
            }
            selector.close();
        }
    }
}
