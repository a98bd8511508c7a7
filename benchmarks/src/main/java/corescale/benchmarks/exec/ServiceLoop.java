package corescale.benchmarks.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One event loop of the {@link LoopbackServer} (whose comment says how answers are timed), on a
 * thread of its own: the connections handed to it, in one selector, and its FIFO of answers not yet
 * due. The loop waits in {@code select()} for requests, always: a request is timed when it arrives,
 * even while an answer is pending. Its alarm, a second thread, wakes the selector when the next
 * answer is due, to the nanosecond ({@code select} takes whole milliseconds). Sleeping in
 * {@code parkNanos} until the next answer, as the loop once did for the last millisecond, timed the
 * requests that came in meanwhile when it woke: with two clients on one loop at a 1 ms delay, their
 * calls took 1.54 ms instead of 1.13 ms with one.
 */
final class ServiceLoop implements Runnable {

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

    private final long delayNanos;
    private final Runnable onFailure;
    private final Selector selector;
    private final Queue<SocketChannel> handed = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Pending> due = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 16);
    private volatile long answered;
    private volatile boolean stopping;
    /** When the alarm is to wake the selector ({@link System#nanoTime}), or {@link #UNARMED}. */
    private final AtomicLong alarmAt = new AtomicLong(UNARMED);
    private static final long UNARMED = Long.MIN_VALUE;
    private volatile Thread alarm;

    /**
     * @param delayNanos how long after its request each answer leaves
     * @param onFailure  run when the loop fails (the server stops)
     */
    ServiceLoop(long delayNanos, Runnable onFailure) throws IOException {
        this.delayNanos = delayNanos;
        this.onFailure = onFailure;
        this.selector = Selector.open();
    }

    /** Answers this loop sent so far. */
    long answered() {
        return answered;
    }

    /** Asks {@link #run()} to return; safe from any thread. */
    void stop() {
        stopping = true;
        selector.wakeup();
        Thread a = alarm;
        if (a != null) {
            LockSupport.unpark(a);
        }
    }

    /** A new connection for this loop to serve, from the accepting thread. */
    void hand(SocketChannel ch) {
        handed.add(ch);
        selector.wakeup();
    }

    @Override
    public void run() {
        alarm = new Thread(this::ringAlarms, Thread.currentThread().getName() + "-alarm");
        alarm.setDaemon(true);
        alarm.start();
        try {
            while (!stopping) {
                register();
                waitForWork();
                handleSelected();
                answerDue();
            }
        } catch (IOException e) {
            System.err.println("loopback service loop failed: " + e);
            onFailure.run();
        } finally {
            stopping = true;
            LockSupport.unpark(alarm);
        }
    }

    /** The alarm's thread: sleeps until the armed time, then wakes the selector, unless disarmed first. */
    private void ringAlarms() {
        while (!stopping) {
            long at = alarmAt.get();
            if (at == UNARMED) {
                LockSupport.park(this);
                continue;
            }
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // woken early when armed again or stopped: look again
            } else if (alarmAt.compareAndSet(at, UNARMED)) {
                selector.wakeup();
            }
        }
    }

    private void register() throws IOException {
        SocketChannel ch;
        while ((ch = handed.poll()) != null) {
            Connection c = new Connection(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
    }

    /** Until a request comes or a connection is handed over, and, with an answer pending, no later than it is due. */
    private void waitForWork() throws IOException {
        Pending head = due.peekFirst();
        if (head == null) {
            selector.select();
        } else if (head.dueNanos - System.nanoTime() > 0) {
            // Due times only grow: an alarm still set for an earlier one wakes then and sleeps on to this one.
            if (alarmAt.getAndSet(head.dueNanos) == UNARMED) {
                LockSupport.unpark(alarm);
            }
            selector.select(); // a ring for an answer already sent only makes the next select return at once
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

    /** Closes this loop's connections and its selector. */
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
