package corescale.benchmarks.exec;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One persistent {@link AsynchronousSocketChannel} to the loopback service, one request at a time,
 * exposed as {@link CompletableFuture} chains: write the request, then read the answer, with no
 * thread blocked while the service takes its time. Completion handlers run on the threads of the
 * channel group, a small fixed pool shared by every connection.
 */
public final class AsyncConnection implements AutoCloseable {

    private final AsynchronousSocketChannel channel;
    private final ByteBuffer out = ByteBuffer.allocate(LoopbackProtocol.FRAME);
    private final ByteBuffer in = ByteBuffer.allocate(LoopbackProtocol.FRAME);

    private AsyncConnection(AsynchronousSocketChannel channel) {
        this.channel = channel;
    }

    /** Opens and connects, waiting at most {@link Timeouts#CHILD_START}. */
    public static AsyncConnection open(AsynchronousChannelGroup group, int port) throws IOException {
        AsynchronousSocketChannel ch = AsynchronousSocketChannel.open(group);
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                    .get(Timeouts.CHILD_START.toMillis(), TimeUnit.MILLISECONDS);
            return new AsyncConnection(ch);
        } catch (Exception e) {
            ch.close();
            throw new IOException("cannot connect to the loopback service on port " + port + ": " + e, e);
        }
    }

    /** Request {@code id}: completes with the checked answer, or exceptionally. */
    public CompletableFuture<Long> call(long id) {
        out.clear();
        out.putLong(id).flip();
        in.clear();
        return write().thenCompose(v -> read()).thenApply(v -> LoopbackProtocol.check(id, in.flip().getLong()));
    }

    private CompletableFuture<Void> write() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        channel.write(out, f, new CompletionHandler<>() {
            @Override
            public void completed(Integer n, CompletableFuture<Void> done) {
                if (out.hasRemaining()) {
                    channel.write(out, done, this);
                } else {
                    done.complete(null);
                }
            }

            @Override
            public void failed(Throwable e, CompletableFuture<Void> done) {
                done.completeExceptionally(e);
            }
        });
        return f;
    }

    private CompletableFuture<Void> read() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        channel.read(in, f, new CompletionHandler<>() {
            @Override
            public void completed(Integer n, CompletableFuture<Void> done) {
                if (n < 0) {
                    done.completeExceptionally(new EOFException("loopback service closed the connection"));
                } else if (in.hasRemaining()) {
                    channel.read(in, done, this);
                } else {
                    done.complete(null);
                }
            }

            @Override
            public void failed(Throwable e, CompletableFuture<Void> done) {
                done.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
