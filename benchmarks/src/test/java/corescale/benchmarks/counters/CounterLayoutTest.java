package corescale.benchmarks.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.vm.VM;

/**
 * The counters' memory layout, measured in this JVM with JOL (field offsets as HotSpot really lays
 * them out), not inferred from timings: every hot field is at least 128 bytes (an adjacent-line
 * pair) from the object's header and from its end, so no two counters' hot fields, nor a counter's
 * hot field and anything else in the heap, can ever share a cache line or a prefetched line pair.
 * The {@code AtomicLong} counters are the JDK object itself, its value right after the header: for
 * them the 128 bytes before are a {@link Spacer}'s, as allocated, and the class pads after.
 */
class CounterLayoutTest {

    /** Bytes that must separate a hot field from anything outside its holder. */
    static final int PAIR = 128;
    /** The mark word (the lock word of {@code synchronized}) is the first 8 bytes of every object. */
    static final int MARK_WORD = 8;
    /** The JDK objects a counter guards with, whose fields we cannot pad. */
    static final Set<Class<?>> JDK_GUARDS = Set.of(ReentrantLock.class, Semaphore.class, StampedLock.class, AtomicLong.class,
            LongAdder.class);

    /** The counters that are the JDK object they guard with (a subclass of it), not a holder of one. */
    private static boolean isJdkGuard(Class<?> counter) {
        return AtomicLong.class.isAssignableFrom(counter);
    }

    /** The fields the increments touch: those of the {@link Hot} kinds after {@link LeftPadding}, or AtomicLong's. */
    private static List<FieldLayout> hotFields(ClassLayout layout, Class<?> counter) {
        Set<String> kinds = new java.util.HashSet<>();
        for (Class<?> kind : Hot.class.getDeclaredClasses()) {
            kinds.add(kind.getSimpleName());
        }
        if (isJdkGuard(counter)) {
            kinds = Set.of(AtomicLong.class.getSimpleName());
        }
        List<FieldLayout> hot = new ArrayList<>();
        for (FieldLayout f : layout.fields()) {
            String host = f.hostClass().substring(Math.max(f.hostClass().lastIndexOf('.'), f.hostClass().lastIndexOf('$')) + 1);
            if (kinds.contains(host)) {
                hot.add(f);
            }
        }
        return hot;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void hotFieldsAreAnAdjacentLinePairAwayFromBothEndsOfTheirHolder(Variant variant) {
        Class<?> counter = variant.create(2).getClass();
        ClassLayout layout = ClassLayout.parseClass(counter);
        List<FieldLayout> hot = hotFields(layout, counter);
        assertTrue(hot.stream().anyMatch(f -> f.name().equals("value")), variant + ": no hot value found in\n"
                + layout.toPrintable());
        // The guard's reference, read by every thread on every increment, a line pair from the value the lock's holder writes.
        FieldLayout value = hot.stream().filter(f -> f.name().equals("value")).findFirst().orElseThrow();
        for (FieldLayout g : layout.fields()) {
            boolean guardRef = !hot.contains(g) && JDK_GUARDS.stream().anyMatch(t -> g.typeClass().equals(t.getName()));
            assertTrue(!guardRef || g.offset() >= value.offset() + value.size() + PAIR || g.offset() + g.size() + PAIR <= value.offset(),
                    variant + "." + g.name() + " at offset " + g.offset() + ", the value at " + value.offset() + ":\n" + layout.toPrintable());
        }
        for (FieldLayout f : hot) {
            String where = variant + "." + f.name() + " at offset " + f.offset() + " of " + layout.instanceSize()
                    + " bytes:\n" + layout.toPrintable();
            assertTrue(isJdkGuard(counter) || f.offset() >= MARK_WORD + PAIR, where); // else the spacer's, below
            assertTrue(layout.instanceSize() - (f.offset() + f.size()) >= PAIR, where);
        }
    }

    @Test
    void everyCounterKeepsItsHotFieldsInItsPaddedHolder() {
        for (Variant v : Variant.values()) {
            Class<?> c = v.create(2).getClass();
            assertTrue(isJdkGuard(c) || LeftPadding.class.isAssignableFrom(c), v + " does not extend LeftPadding");
            assertTrue(c.getSuperclass().getEnclosingClass() == Hot.class, v + "'s hot fields are not one of Hot's kinds");
            for (Field f : c.getDeclaredFields()) {
                boolean padding = f.getName().matches("q\\d\\d");
                boolean fin = java.lang.reflect.Modifier.isFinal(f.getModifiers());
                boolean cold = fin && f.getType() == boolean.class;
                boolean guard = fin && (JDK_GUARDS.contains(f.getType()) || f.getType() == Spacer.class); // read-only, after the padding
                boolean hole = f.getName().equals("hole") && f.getType() == int.class; // never read: fills compact headers' hole
                assertTrue(padding || cold || guard || hole, v + " declares a field outside its hot kind: " + f);
            }
        }
    }

    /**
     * The JDK objects whose fields we cannot pad (locks' Sync, LongAdder, and the AtomicLong counters
     * themselves) and the synchronized counter, whose header is its lock word, are allocated between two spacers. Their addresses, read right after allocation, show the spacer before and
     * after; a garbage collection between allocation and reading may move them, so most, not all,
     * of twenty fresh counters are asked to show it.
     */
    @Test
    void jdkGuardsAreAllocatedBetweenTheirSpacers() throws Exception {
        Set<Class<?>> jdkTypes = JDK_GUARDS;
        int checked = 0;
        int between = 0;
        for (int round = 0; round < 20; round++) {
            // An empty young generation before each round, so that a collection rarely falls between an
            // allocation and its reading (one CI run saw 179 of 200 without it, against 180 asked).
            System.gc();
            for (Variant v : Variant.values()) {
                SharedCounter counter = v.create(2);
                // The AtomicLong counters and synchronized's are their own guard: the word they lock is at their start.
                Object guard = isJdkGuard(counter.getClass()) || counter instanceof SynchronizedCounter ? counter : null;
                Spacer spacer = null;
                for (Class<?> c = counter.getClass(); c.getPackage() == Spacer.class.getPackage(); c = c.getSuperclass()) { // ours: the JDK's fields are closed to reflection
                    for (Field f : c.getDeclaredFields()) {
                        f.setAccessible(true);
                        if (jdkTypes.contains(f.getType())) {
                            guard = f.get(counter);
                        } else if (f.getType() == Spacer.class) {
                            spacer = (Spacer) f.get(counter);
                        }
                    }
                }
                assertEquals(guard == null, spacer == null, v + ": a guard we cannot pad needs a spacer, and only it");
                if (guard == null) {
                    continue;
                }
                checked++;
                byte[] spaceBefore = spacerArray(spacer, "before");
                long before = VM.current().addressOf(spaceBefore);
                long at = VM.current().addressOf(guard);
                long after = VM.current().addressOf(spacerArray(spacer, "after"));
                long beforeEnd = before + VM.current().sizeOf(spaceBefore);
                boolean ok = at >= beforeEnd && at - before >= PAIR && after > at && after - at <= 2 * PAIR;
                between += ok ? 1 : 0;
            }
        }
        assertTrue(checked == 20 * Variant.values().length, "variants checked: " + checked);
        assertTrue(between >= checked * 9 / 10, between + " of " + checked + " guards found between their spacers");
    }

    /**
     * One of the spacer's arrays ({@code before} or {@code after}), read as the counters' fields are
     * above: the spacer keeps them to itself.
     */
    private static byte[] spacerArray(Spacer spacer, String name) throws ReflectiveOperationException {
        Field f = Spacer.class.getDeclaredField(name);
        f.setAccessible(true);
        return (byte[]) f.get(spacer);
    }
}
