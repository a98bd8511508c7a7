package corescale.benchmarks.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP service on 127.0.0.1 that answers each 8-byte request after a set delay, like a remote call
 * (see {@link LoopbackProtocol}). One thread and one selector serve every connection: thousands of
 * open connections cost a few kilobytes each, no thread each. Requests wait in a FIFO (the delay is
 * the same for all, so due times only grow); the loop sleeps in {@code select} until the next one is
 * due, and the last sub-millisecond in {@code parkNanos}, so answers never leave early and leave
 * late only by the OS's wake-up latency (measured on a loaded 2-vCPU VM, one connection: a 1 ms call
 * took 1.5 ms, a 10 ms call 10.9 ms, a 0 ms call 0.06 ms). Requests pipelined on one connection are
 * answered in order.
 *
 * <p>Runs in a child JVM ({@link LoopbackServiceMain}), never inside the measured fork.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int BACKLOG = 4096;

    private final long delayNanos;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final ArrayDeque<Pending> due = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 16);
    private volatile boolean stopping;
    private long answered;

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

    /** Binds 127.0.0.1 on a free port. */
    public LoopbackServer(long delayNanos) throws IOException {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        this.delayNanos = delayNanos;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Asks {@link #run()} to return; safe from any thread. */
    public void stop() {
        stopping = true;
        selector.wakeup();
    }

    public long answered() {
        return answered;
    }

    /** Serves until {@link #stop()}, then closes every connection and the listening socket. */
    public void run() throws IOException {
        try {
            while (!stopping) {
                waitForWork();
                handleSelected();
                answerDue();
            }
        } finally {
            close();
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

    private void handleSelected() throws IOException {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                accept();
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

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection c = new Connection(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
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

    /** Closes every connection and the listening socket. */
    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        server.close();
        selector.close();
    }
}
