package io.enoskit.ota.mock;

/**
 * What the executable does on an {@code OutOfMemoryError}: a process that has run out of memory answers nothing
 * and may ignore SIGTERM, so it says why and stops at once, with exit status 1.
 */
final class OutOfMemory {
    /** The exit status after running out of memory. */
    static final int EXIT_STATUS = 1;

    private OutOfMemory() {
    }

    static void exit(OutOfMemoryError exhausted) {
        try {
            System.err.println("enos-ota-kit mock: out of memory (" + exhausted.getMessage() + "); stopping. Give the"
                    + " JVM more heap (-Xmx) or keep fewer jobs (--max-jobs).");
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
