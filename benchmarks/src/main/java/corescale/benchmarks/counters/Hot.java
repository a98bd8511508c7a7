package corescale.benchmarks.counters;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;

/**
 * The hot fields of each kind of counter, each kind after {@link LeftPadding}; the final counter
 * classes add 128 bytes after them. Value and guard sit together in one holder so that their
 * relative layout is fixed by the class, not by the order of allocations.
 *
 * <p>Where the guard is a JDK object (a lock's {@code Sync}, a {@code LongAdder}) its fields cannot
 * be padded from outside: the holder keeps only a reference to it, and the object itself is allocated between two {@link Spacer}s so that, in the heap as
 * allocated, nothing hot lies within 128 bytes of it (see {@link Spacer} for what that does not
 * cover).
 */
final class Hot {

    private Hot() {
    }

    /** {@code synchronized}: the value; the guard is this object's own header (its mark word). */
    abstract static class Value extends LeftPadding {
        long value;
    }

    abstract static class Locked extends LeftPadding {
        long value;
        final ReentrantLock lock;
        final Spacer spacer;

        Locked(boolean fair) {
            spacer = new Spacer();
            lock = new ReentrantLock(fair);
            spacer.close();
        }
    }

    abstract static class Permits extends LeftPadding {
        long value;
        final Semaphore permits;
        final Spacer spacer;

        Permits(int count, boolean fair) {
            spacer = new Spacer();
            permits = new Semaphore(count, fair);
            spacer.close();
        }
    }

    abstract static class Stamped extends LeftPadding {
        long value;
        final StampedLock lock;
        final Spacer spacer;

        Stamped() {
            spacer = new Spacer();
            lock = new StampedLock();
            spacer.close();
        }
    }

    /**
     * An {@code AtomicLong} counter is a subclass of {@code AtomicLong}, so that its increment reaches
     * the value with no holder in between: its value comes right after the header, where no class of
     * ours can pad before it, so the object is allocated right after a {@link Spacer}'s first array
     * (and before its second), as the JDK guards held by the other kinds are; the subclass pads after.
     */
    static <C> C atomic(Function<Spacer, C> constructor) {
        Spacer spacer = new Spacer();
        C counter = constructor.apply(spacer);
        spacer.close();
        return counter;
    }

    abstract static class Adder extends LeftPadding {
        final LongAdder value;
        final Spacer spacer;

        Adder() {
            spacer = new Spacer();
            value = new LongAdder();
            spacer.close();
        }
    }
}
