package corescale.benchmarks.exec;

/**
 * The loopback service's wire format: a request is one 8-byte big-endian id; after the set delay the
 * service sends back one 8-byte answer, {@link #answer(long)} of that id, so a client can check that
 * it got the reply to its own request.
 */
public final class LoopbackProtocol {

    public static final int FRAME = 8;

    private LoopbackProtocol() {
    }

    public static long answer(long id) {
        return Long.rotateLeft(id, 17) ^ 0x5DEECE66DL;
    }

    /** Throws when a reply is not the answer to {@code id}. */
    public static long check(long id, long reply) {
        if (reply != answer(id)) {
            throw new IllegalStateException("loopback service answered " + reply + " to request " + id
                    + ", expected " + answer(id));
        }
        return reply;
    }
}
