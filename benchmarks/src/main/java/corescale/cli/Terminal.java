package corescale.cli;

/** Whether standard output is a person's terminal (progress in place) or a log (plain lines). */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        if (System.getenv("CI") != null) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 console() exists even when redirected; isTerminal() tells the difference.
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
