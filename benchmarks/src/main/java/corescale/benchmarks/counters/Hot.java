package corescale.benchmarks.counters;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The hot fields of each kind of counter, each kind after {@link LeftPadding} (but {@link Atomic},
 * which is the JDK object itself); the final counter classes add 128 bytes after them, and then the
 * reference to a JDK guard (a lock, a semaphore): read by every thread and written by none, it is
 * kept a line pair away from the value the lock's holder writes. Value and guard sit in one holder
 * so that their relative layout is fixed by the class, not by the order of allocations.
 *
 * <p>Where the guard is a JDK object (a lock's {@code Sync}, a {@code LongAdder}) its fields cannot
 * be padded from outside: the holder keeps only a reference to it, and the object itself is
 * allocated between two {@link Spacer}s so that, in the heap as allocated, nothing hot lies within
 * 128 bytes of it (see {@link Spacer} for what that does not cover).
 */
final class Hot {

    private Hot() {
    }

    /** {@code synchronized}: the value; the guard is this object's own header (its mark word). */
    abstract static class Value extends LeftPadding {
        long value;
    }

    /** The value; the ReentrantLock that guards it is the counter class's, after its right padding. */
    abstract static class Locked extends LeftPadding {
        long value;
    }

    /** The value; the Semaphore that guards it is the counter class's, after its right padding. */
    abstract static class Permits extends LeftPadding {
        long value;
    }

    /** The value; the StampedLock that guards it is the counter class's, after its right padding. */
    abstract static class Stamped extends LeftPadding {
        long value;
    }

    /**
     * The {@code AtomicLong} counters are the {@code AtomicLong} itself, so that an increment reaches
     * the value with no holder in between (the holder's extra dependent load cost atomicLong 13% at
     * one thread on an AMD EPYC, issue 31). Its value comes right after the header, where no class of
     * ours can pad before it: the counter is made by {@link #between}, right after a {@link Spacer}'s
     * first array and before its second, as the JDK guards held by the other kinds are.
     */
    abstract static class Atomic extends AtomicLong implements SharedCounter {
        private final Spacer spacer;

        Atomic(Spacer spacer) {
            this.spacer = spacer;
        }

        @Override
        public long value() {
            return get();
        }
    }

    /**
     * A counter made by {@code constructor} between the two arrays of the spacer it is given: for the
     * counters whose hot word is their own header or comes right after it ({@link Atomic}, {@code synchronized}).
     */
    static <C extends SharedCounter> C between(Function<Spacer, C> constructor) {
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
