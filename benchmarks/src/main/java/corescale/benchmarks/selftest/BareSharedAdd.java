package corescale.benchmarks.selftest;

import corescale.benchmarks.processcounters.SharedMapping;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One thread's atomic add, bare, two ways: on an {@code AtomicLong} (the counters family's
 * {@code atomicLong}) and through the byte-buffer view {@code VarHandle} on a mapped file's word, the
 * access path processcounters' {@code atomicAdd} workers take (as {@code processcounters.SharedMapping}
 * builds it). With no second core to move the line to, the difference is the access path alone (the
 * buffer's bounds, alignment and scope checks): what {@code atomicAdd} at one core pays beside
 * {@code atomicLong}, which is not the cost of sharing across processes. Not part of the sweep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BareSharedAdd {

    /** As {@code SharedMapping}'s: longs of a direct buffer in the machine's byte order. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** A word 128 bytes into the mapping, as the counter's region in {@code SharedMapping}. */
    private static final int OFFSET = 128;

    private AtomicLong atomic;
    private MappedByteBuffer mapped;

    @Setup
    public void map() throws IOException {
        atomic = new AtomicLong();
        // Where processcounters maps its words (/dev/shm): a page of a disk-backed file would also pay writeback.
        Path file = Files.createTempFile(SharedMapping.directory(), "corescale-bare-shared-add", ".map");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, 4096); // the mapping outlives the channel
        } finally {
            Files.delete(file);
        }
    }

    @Benchmark
    public long atomicLong() {
        return atomic.getAndAdd(1);
    }

    @Benchmark
    public long mappedWord() {
        return (long) LONGS.getAndAdd(mapped, OFFSET, 1L);
    }
}
