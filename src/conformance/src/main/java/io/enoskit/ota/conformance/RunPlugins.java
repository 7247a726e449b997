package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.util.List;

/**
 * The plugin {@link ConformanceRunner} names on Cucumber's command line ({@code --plugin}): it subscribes the
 * run's own listeners (the run, which removes its jobs; the summary; the HTML report), in that order, so the jobs
 * are removed before the summary lists them and the summary is done before the report shows its verdict.
 */
public final class RunPlugins implements ConcurrentEventListener {
    private final List<ConcurrentEventListener> listeners = RunScope.current().plugins();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        listeners.forEach(listener -> listener.setEventPublisher(publisher));
    }
}
