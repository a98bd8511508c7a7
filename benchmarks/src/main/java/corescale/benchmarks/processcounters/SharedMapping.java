package corescale.benchmarks.processcounters;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory-mapped file the parent and its worker processes share: a few 64-bit words, each alone in
 * its own 128-byte region (two cache lines: the hardware prefetches adjacent lines in pairs), so that
 * the counter, the spin-lock word, the run and stop words and each worker's tally never
 * share a line, in every fork alike. The mapping starts on a page, so region offsets are line-aligned.
 *
 * <p>Words are read and written through a {@link VarHandle} view of the mapped buffer (acquire/release
 * and atomic modes work on an aligned direct buffer; JDK 21 has no final MemorySegment API).
 *
 * <p>The file lives in {@code /dev/shm} where there is one (memory, never written to disk), else in
 * the temporary directory. It is deleted as soon as every worker has opened it; the mapping stays
 * valid. A fork killed in that short window leaves the file, which the next trial's {@link #reapStale}
 * deletes, since its name carries the creator's pid.
 */
public final class SharedMapping {

    /** Bytes per word's region. */
    static final int REGION = 128;

    /** The iteration the workers may run in: the parent writes 1, 2, 3 ... to release them all at once. */
    static final int RUN = 0;
    /** The shared counter. */
    static final int COUNTER = 1;
    /** The spin lock's word: 0 free, 1 held. */
    static final int SPIN = 2;
    /** The iteration the workers must stop: written by the parent after the iteration's last operation. */
    static final int STOP = 3;
    /** Workers that have stopped, counted over all iterations. */
    static final int STOPPED = 4;
    /** Worker i's increments made so far is in region FIRST_MADE + i. */
    static final int FIRST_MADE = 5;

    static final String FILE_PREFIX = "corescale-counter-";
    /** Files and named semaphores this code creates in /dev/shm: {@code <prefix><pid>-<hex>}. */
    private static final Pattern STALE = Pattern.compile("(?:" + FILE_PREFIX + "|sem\\.corescale-)(\\d+)-[0-9a-f]+(?:\\.map)?");

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Path file;
    private final FileChannel channel;
    private final MappedByteBuffer words;

    private SharedMapping(Path file, FileChannel channel, MappedByteBuffer words) {
        this.file = file;
        this.channel = channel;
        this.words = words;
    }

    /** Creates a zeroed mapping with room for {@code workers} tallies. */
    static SharedMapping create(int workers) throws IOException {
        Path dir = directory();
        reapStale(dir);
        String name = FILE_PREFIX + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".map";
        Path file = Files.createFile(dir.resolve(name));
        file.toFile().deleteOnExit();
        return map(file, (long) (FIRST_MADE + workers) * REGION);
    }

    /** Maps an existing file (a worker, with the path its parent sent). */
    static SharedMapping open(Path file) throws IOException {
        return map(file, Files.size(file));
    }

    private static SharedMapping map(Path file, long size) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            return new SharedMapping(file, channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, size));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@code /dev/shm} when it is a writable directory, else {@code java.io.tmpdir}. */
    public static Path directory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes mapping files and named semaphores left in {@code dir} by processes no longer alive. */
    static void reapStale(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*corescale-*")) {
            for (Path p : entries) {
                Matcher m = STALE.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file costs a few bytes of memory, never a wrong result
        }
    }

    Path file() {
        return file;
    }

    /** The file's channel: {@code fileLock} locks a byte range of it. */
    FileChannel channel() {
        return channel;
    }

    /** Removes the file's name; the mapping and the open channel stay valid. */
    void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    static long offset(int region) {
        return (long) region * REGION;
    }

    long get(int region) {
        return (long) LONGS.getAcquire(words, (int) offset(region));
    }

    void set(int region, long value) {
        LONGS.setRelease(words, (int) offset(region), value);
    }

    /** Atomic add (LOCK XADD on x86); returns the value before. */
    long getAndAdd(int region, long delta) {
        return (long) LONGS.getAndAdd(words, (int) offset(region), delta);
    }

    boolean compareAndSet(int region, long expected, long value) {
        return LONGS.compareAndSet(words, (int) offset(region), expected, value);
    }

    /** A racy read: each one is performed, but nothing orders it with other words. */
    long getOpaque(int region) {
        return (long) LONGS.getOpaque(words, (int) offset(region));
    }

    void setOpaque(int region, long value) {
        LONGS.setOpaque(words, (int) offset(region), value);
    }

    /** How long a waiting worker keeps yielding before it naps. */
    private static final long YIELD_NANOS = 2_000_000;

    /**
     * Waits until the word {@code region} reaches {@code value}: spins briefly, then yields (a runnable
     * parent or worker gets the CPU at once, and the word is seen within a microsecond or so) for up
     * to 2 ms; only then it naps 20 µs at a time, as between iterations. So the workers of an
     * iteration start together, and an idle one costs little.
     */
    void awaitAtLeast(int region, long value) {
        int spins = 0;
        long yieldingSince = 0;
        while (get(region) < value) {
            if (spins < 100) {
                spins++;
                Thread.onSpinWait();
            } else if (yieldingSince == 0) {
                yieldingSince = System.nanoTime();
            } else if (System.nanoTime() - yieldingSince < YIELD_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }
}
