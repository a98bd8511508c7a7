package corescale.benchmarks.exec;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One persistent blocking TCP connection to the loopback service, used for one request at a time
 * (like a keep-alive connection taken from a pool). Not thread-safe. On a virtual thread its
 * blocking reads park the virtual thread, not a carrier.
 */
public final class BlockingConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(LoopbackProtocol.FRAME);

    public BlockingConnection(int port) throws IOException {
        channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to the loopback service on port " + port + ": " + e, e);
        }
    }

    /** Sends request {@code id}, waits for the answer, checks it and returns it. */
    public long call(long id) throws IOException {
        buffer.clear();
        buffer.putLong(id).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("loopback service closed the connection before answering request " + id);
            }
        }
        return LoopbackProtocol.check(id, buffer.flip().getLong());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
