package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import java.util.List;

/**
 * What one {@link ConformanceRunner} run hands to the instances Cucumber creates for it: the run the glue is built
 * around ({@link ConformanceObjectFactory}) and the plugins that collect its verdict ({@link RunPlugins}). Open for
 * the length of one {@code Main.run} call on the thread that makes it, closed when it returns.
 */
final class RunScope implements AutoCloseable {
    // Cucumber's entry points (Main.run, the JUnit Platform engine) take the object factory and the plugins as class
    // names and create them with Cucumber's own constructors, so no instance can be passed in. This slot is the one
    // static handoff: per thread (the run is not parallel, so Cucumber creates both on the calling thread), set for
    // one run and cleared when it ends, so concurrent runs on other threads never see each other's state.
    private static final ThreadLocal<RunScope> CURRENT = new ThreadLocal<>();

    private final ConformanceRun run;
    private final List<ConcurrentEventListener> plugins;

    private RunScope(ConformanceRun run, List<ConcurrentEventListener> plugins) {
        this.run = run;
        this.plugins = List.copyOf(plugins);
    }

    /**
     * Opens the scope of a run on this thread; close it when the run returns.
     *
     * @param plugins the run's listeners, in the order they must see each event
     * @throws IllegalStateException when a run is already open on this thread
     */
    static RunScope open(ConformanceRun run, List<ConcurrentEventListener> plugins) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a conformance run is already running on this thread");
        }
        RunScope scope = new RunScope(run, plugins);
        CURRENT.set(scope);
        return scope;
    }

    /**
     * The scope open on this thread.
     *
     * @throws IllegalStateException outside a {@link ConformanceRunner} run (Cucumber started some other way)
     */
    static RunScope current() {
        RunScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("no conformance run is open on this thread: "
                    + "ConformanceObjectFactory and RunPlugins are for ConformanceRunner's runs; elsewhere give the"
                    + " object factory a run (see InProcessMockObjectFactory in the kit's tests)");
        }
        return scope;
    }

    ConformanceRun run() {
        return run;
    }

    List<ConcurrentEventListener> plugins() {
        return plugins;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
