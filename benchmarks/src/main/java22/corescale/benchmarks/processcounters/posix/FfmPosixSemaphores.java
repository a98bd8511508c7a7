package corescale.benchmarks.processcounters.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

import corescale.benchmarks.processcounters.PosixSemaphores;

/**
 * Named POSIX semaphores through the FFM API (JDK 22+): the same libc calls CPython's
 * {@code _multiprocessing.SemLock} makes. Compiled with release 22 in its own source folder and
 * loaded by {@link PosixSemaphores#load()} only on a JDK 22+. Every call that can fail captures
 * {@code errno} and fails with {@code strerror}'s words.
 */
public final class FfmPosixSemaphores implements PosixSemaphores {

    private static final int EINTR = 4;
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    private static final int O_CREAT = MAC ? 0x200 : 0100;
    private static final int O_EXCL = MAC ? 0x800 : 0200;
    private static final int MODE_OWNER_RW = 0600;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final long ERRNO = CAPTURE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle SEM_OPEN_CREATE = handle("sem_open",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SEM_OPEN = handle("sem_open", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT), ERRNO_OPTION);
    private static final MethodHandle SEM_WAIT = handle("sem_wait", FunctionDescriptor.of(JAVA_INT, ADDRESS), ERRNO_OPTION);
    private static final MethodHandle SEM_POST = handle("sem_post", FunctionDescriptor.of(JAVA_INT, ADDRESS), ERRNO_OPTION);
    private static final MethodHandle SEM_CLOSE = handle("sem_close", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle SEM_UNLINK = handle("sem_unlink", FunctionDescriptor.of(JAVA_INT, ADDRESS), ERRNO_OPTION);
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    public FfmPosixSemaphores() {
    }

    /** libc's symbol; before glibc 2.34 the sem_ functions live in libpthread. */
    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .or(() -> SymbolLookup.libraryLookup("libpthread.so.0", Arena.global()).find(name))
                .orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    @Override
    public Semaphore create(String name, int permits) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            MemorySegment sem = (MemorySegment) SEM_OPEN_CREATE.invokeExact(errno, arena.allocateFrom(name),
                    O_CREAT | O_EXCL, MODE_OWNER_RW, permits);
            return opened(sem, errno, "sem_open(" + name + ", O_CREAT|O_EXCL, " + permits + ")");
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    @Override
    public Semaphore open(String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            MemorySegment sem = (MemorySegment) SEM_OPEN.invokeExact(errno, arena.allocateFrom(name), 0);
            return opened(sem, errno, "sem_open(" + name + ")");
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    @Override
    public void unlink(String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            int r = (int) SEM_UNLINK.invokeExact(errno, arena.allocateFrom(name));
            if (r != 0) {
                throw failure("sem_unlink(" + name + ")", errno);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static Semaphore opened(MemorySegment sem, MemorySegment errno, String call) throws IOException {
        // SEM_FAILED is (sem_t *) 0 on Linux and (sem_t *) -1 on macOS
        if (sem.address() == 0 || sem.address() == -1) {
            throw failure(call, errno);
        }
        return new Open(sem);
    }

    private static IOException failure(String call, MemorySegment errno) {
        int code = errno.get(JAVA_INT, ERRNO);
        String words;
        try {
            words = ((MemorySegment) STRERROR.invokeExact(code)).reinterpret(256).getString(0);
        } catch (Throwable t) {
            words = "errno " + code;
        }
        return new IOException(call + " failed: " + words);
    }

    /** One opened semaphore; used by one thread (each worker process has one). */
    private static final class Open implements Semaphore {
        private final MemorySegment sem;
        private final MemorySegment errno = Arena.ofAuto().allocate(CAPTURE);
        private boolean closed;

        Open(MemorySegment sem) {
            this.sem = sem;
        }

        @Override
        public void acquire() throws IOException {
            try {
                while ((int) SEM_WAIT.invokeExact(errno, sem) != 0) {
                    if (errno.get(JAVA_INT, ERRNO) != EINTR) {
                        throw failure("sem_wait", errno);
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(t);
            }
        }

        @Override
        public void release() throws IOException {
            try {
                if ((int) SEM_POST.invokeExact(errno, sem) != 0) {
                    throw failure("sem_post", errno);
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException(t);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    int ignored = (int) SEM_CLOSE.invokeExact(sem);
                } catch (Throwable t) {
                    // the process is about to let go of it anyway
                }
            }
        }
    }
}
