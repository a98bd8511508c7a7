package corescale.sweep;

/** A point that could not be measured: the benchmark threw, its fork died, or it hung. */
public final class PointFailedException extends Exception {

    public PointFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public PointFailedException(String message) {
        super(message);
    }
}
