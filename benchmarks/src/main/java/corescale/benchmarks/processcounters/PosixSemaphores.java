package corescale.benchmarks.processcounters;

import java.io.IOException;
import java.util.Optional;

/**
 * Named POSIX semaphores ({@code sem_open}, {@code sem_wait}, {@code sem_post}, {@code sem_unlink}),
 * what CPython's {@code multiprocessing.Lock} and {@code Semaphore} are made of on Linux. The
 * implementation calls libc through the Foreign Function and Memory API, final from JDK 22: it is
 * compiled apart (source folder {@code src/main/java22}, release 22) and loaded only on a JDK 22+,
 * so that everything else still runs on JDK 21.
 */
public interface PosixSemaphores {

    /** The class in {@code src/main/java22}. */
    String IMPLEMENTATION = "corescale.benchmarks.processcounters.posix.FfmPosixSemaphores";

    /** One open semaphore of this process. */
    interface Semaphore extends AutoCloseable {
        /** {@code sem_wait}, retried when a signal interrupts it. */
        void acquire() throws IOException;

        /** {@code sem_post}. */
        void release() throws IOException;

        /** {@code sem_close}. */
        @Override
        void close();
    }

    /** Creates a new semaphore with {@code permits} (fails if the name exists). */
    Semaphore create(String name, int permits) throws IOException;

    /** Opens an existing semaphore. */
    Semaphore open(String name) throws IOException;

    /** Removes the name; processes that opened it keep using it. */
    void unlink(String name) throws IOException;

    /** Why the POSIX semaphores cannot be used on this JVM, or empty when they can. */
    static Optional<String> unavailable() {
        int feature = Runtime.version().feature();
        if (feature < 22) {
            return Optional.of("the FFM API they call sem_open through is final from JDK 22; this is JDK " + feature);
        }
        try {
            // not initialised here: that would link libc (and warn about native access) in the sweep's JVM
            Class.forName(IMPLEMENTATION, false, PosixSemaphores.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("this jar was built without a JDK 22+, so their FFM code is missing");
        }
        return Optional.empty();
    }

    /** The implementation; call only when {@link #unavailable()} is empty. */
    static PosixSemaphores load() {
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            throw new IllegalStateException("POSIX semaphores are not available: " + why.get());
        }
        try {
            return (PosixSemaphores) Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + IMPLEMENTATION + ": " + e, e);
        }
    }
}
