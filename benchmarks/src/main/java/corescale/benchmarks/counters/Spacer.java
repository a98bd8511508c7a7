package corescale.benchmarks.counters;

/**
 * Two cold 128-byte arrays allocated right before and right after a JDK object whose fields we
 * cannot pad (a lock's {@code Sync}, an {@code AtomicLong}, a {@code LongAdder}'s base), kept
 * reachable as long as the counter is.
 *
 * <p>Allocation in a thread's TLAB is sequential, so as allocated the JDK object has 128 cold
 * bytes on each side: no other counter, and none of the wait-queue nodes AQS allocates later
 * while threads park, can share its 128-byte line pair. What stays outside our control: the
 * JDK object's own fields share their line(s) (e.g. {@code Sync.state}, {@code head},
 * {@code tail} and the owner thread: that is the lock's design); a 32-byte object may straddle
 * two lines depending on its 8-byte-aligned address (which varies by fork); a garbage
 * collection that copies the objects may place them anywhere (the counters allocate nothing per
 * increment, AQS allocates a node only when a thread parks); {@code synchronized}'s inflated
 * monitor and {@code LongAdder}'s cells are laid out by the JVM and the JDK (both padded there).
 */
final class Spacer {

    /** Bytes per side: two 64-byte lines, the pair that adjacent-line prefetch fetches together. */
    static final int BYTES = 128;

    private final byte[] before = new byte[BYTES];
    private byte[] after;

    /** Allocates the array after the object allocated since this spacer was made. */
    void close() {
        after = new byte[BYTES];
    }
}
