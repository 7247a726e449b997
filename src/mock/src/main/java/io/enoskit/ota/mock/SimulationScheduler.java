package io.enoskit.ota.mock;

import io.enoskit.ota.domain.OtaStore;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock's one scheduler: a single daemon thread that brings every job's device tasks up to the simulation clock
 * once a second ({@link OtaStore#advance()}) and then runs the after-tick work (saving the state file). Reads bring
 * their org up to the clock themselves, so the tick only keeps the work per request small; no thread per job.
 */
final class SimulationScheduler implements AutoCloseable {
    /** How often the tick runs, in milliseconds. */
    static final long TICK_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SimulationScheduler.class);
    private final ScheduledExecutorService executor;

    /**
     * @param store     the store to advance
     * @param afterTick runs after each advance (may be a no-op)
     */
    SimulationScheduler(OtaStore store, Runnable afterTick) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ota-simulation");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                store.advance();
                afterTick.run();
            } catch (RuntimeException fault) {
                LOG.error("the simulation tick failed; it runs again in {} ms", TICK_MILLIS, fault);
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs one more job on the scheduler's thread (the state file's last save) and waits for it. */
    void runLast(Runnable last) {
        try {
            executor.submit(last).get(10, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopped) {
            last.run();
        } catch (Exception failed) {
            LOG.error("the last simulation job failed", failed);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
