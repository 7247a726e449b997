package io.enoskit.ota.cli;

/**
 * How {@code mock} and {@code proxy} run in the foreground: until their server stops. Ctrl-C and SIGTERM end the JVM,
 * so a shutdown hook closes the server first (the proxy writes its report then); when the server stops otherwise (a
 * test's {@code stop()} in the same JVM) the hook is removed again, so that runs do not pile hooks up. A server in the
 * foreground returns its heap to the system once idle ({@link IdleHeap}).
 */
final class Foreground {
    private Foreground() {
    }

    /** What runs while the hook is in place: the banner, then the wait for the server to stop. */
    @FunctionalInterface
    interface Run {
        void run() throws InterruptedException;
    }

    /**
     * @param hookName the shutdown hook thread's name
     * @param close    closes the server (safe to call twice: the hook may run after it stopped)
     * @param run      prints what the user needs and returns once the server has stopped
     * @throws InterruptedException when the wait is interrupted (the hook stays: the JVM is ending)
     */
    static void untilStopped(String hookName, Runnable close, Run run) throws InterruptedException {
        IdleHeap.release();
        Thread hook = new Thread(close, hookName);
        Runtime.getRuntime().addShutdownHook(hook);
        run.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook is running or has run
        }
    }
}
