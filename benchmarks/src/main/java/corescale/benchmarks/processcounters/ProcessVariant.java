package corescale.benchmarks.processcounters;

/**
 * The ways worker processes update the counter in the shared mapping. The names are the
 * benchmark's {@code variant} values.
 */
enum ProcessVariant {

    /** An OS file lock ({@code FileChannel.lock}: fcntl F_SETLKW on Linux) on the counter's bytes. */
    fileLock,
    /** A named POSIX semaphore with one permit: {@code multiprocessing.Lock}. */
    posixSemaphore,
    /** A named POSIX semaphore with one permit per process: excludes nothing, loses updates. */
    posixSemaphorePermits,
    /** A compare-and-set spin lock on a word of the mapping. */
    spinLock,
    /** {@code getAndAdd} on the mapping: one atomic instruction, no lock; inside work unguarded. */
    atomicAdd,
    /** Plain read, work, write: the race, shown. */
    unguarded;

    boolean usesPosixSemaphore() {
        return this == posixSemaphore || this == posixSemaphorePermits;
    }

    /**
     * Whether each increment's read, inside work and write is one exclusive step among
     * {@code processes} workers: the atomic add leaves the inside work outside it, the semaphore with
     * one permit per process and the unguarded update exclude nothing once two processes run.
     */
    boolean excludes(long workInside, int processes) {
        return switch (this) {
            case fileLock, posixSemaphore, spinLock -> true;
            case atomicAdd -> workInside == 0;
            case posixSemaphorePermits, unguarded -> processes < 2;
        };
    }

    /** Permits of the semaphore for {@code processes} workers. */
    int permits(int processes) {
        return this == posixSemaphorePermits ? processes : 1;
    }

    static ProcessVariant of(String label) {
        for (ProcessVariant v : values()) {
            if (v.name().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown processcounters variant '" + label + "'");
    }
}
