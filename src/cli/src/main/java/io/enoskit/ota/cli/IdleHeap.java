package io.enoskit.ota.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * The CLI's one JVM default: a mock or proxy that has gone idle gives its heap back to the operating system.
 *
 * <p>A jar cannot choose its JVM's collector or heap, and under load G1 grows the heap to 1.2–1.5 GiB resident and
 * keeps it. G1's periodic collection (JEP 346) runs a concurrent cycle when no collection has run for
 * {@value #INTERVAL_MILLIS} ms, and G1 shrinks the heap at its end; {@code G1PeriodicGCInterval} is one of the few
 * flags a running JVM may change. So {@code mock} and {@code proxy} set it at start, unless the user gave it (any
 * origin but the JVM's default is theirs: {@code -XX:G1PeriodicGCInterval=0} keeps the heap), the collector is not
 * G1, or the JVM has no HotSpot diagnostic bean. Under load the collector runs anyway, so the setting costs nothing
 * there; idle, it costs one short concurrent cycle per interval over a live set of a few tens of MiB.
 */
final class IdleHeap {
    /** The manageable HotSpot flag set (milliseconds without a collection before G1 runs one). */
    static final String FLAG = "G1PeriodicGCInterval";
    /** The interval set, in ms: the heap is returned 10–20 s after the last request. */
    static final long INTERVAL_MILLIS = 10_000;

    private IdleHeap() {
    }

    /**
     * Sets the periodic collection when the user left it at its default; does nothing on another collector than G1
     * (none other has it) or a JVM without the HotSpot diagnostic bean. Never throws.
     */
    static void release() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot != null && "true".equals(hotspot.getVMOption("UseG1GC").getValue())
                    // any origin but the JVM's default is the user's choice (command line, JDK_JAVA_OPTIONS, jcmd)
                    && hotspot.getVMOption(FLAG).getOrigin() == VMOption.Origin.DEFAULT) {
                hotspot.setVMOption(FLAG, Long.toString(INTERVAL_MILLIS));
            }
        } catch (IllegalArgumentException | SecurityException | UnsupportedOperationException refused) {
            // a JVM without the flag, or one that does not let it change: run on its defaults
        }
    }
}
