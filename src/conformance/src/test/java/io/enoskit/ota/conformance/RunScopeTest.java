package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The handoff to the instances Cucumber creates holds one run, on its thread, for as long as the run lasts. */
class RunScopeTest {
    private final ConformanceRun run = new ConformanceRun(TargetConfig.inProcessMock(), () -> "http://127.0.0.1:1");

    @Test
    void theObjectFactoryCucumberCreatesHoldsTheOpenRun() {
        ConformanceObjectFactory factory = new ConformanceObjectFactory();
        try (RunScope ignored = RunScope.open(run, List.of(run))) {
            factory.start();
            assertThat(factory.getInstance(ConformanceRun.class)).isSameAs(run);
            factory.stop();
        }
    }

    @Test
    void outsideARunTheFactoryIsCreatedButRefusesToStart() {
        ConformanceObjectFactory factory = new ConformanceObjectFactory();

        assertThatThrownBy(factory::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no conformance run is open on this thread");
    }

    @Test
    void aClosedScopeIsGoneAndAnotherRunMayOpen() {
        RunScope.open(run, List.of(run)).close();

        assertThatThrownBy(RunScope::current).isInstanceOf(IllegalStateException.class);
        try (RunScope next = RunScope.open(run, List.of())) {
            assertThat(RunScope.current()).isSameAs(next);
        }
    }

    @Test
    void oneRunAtATimeOnAThreadAndNoneSeenFromAnother() {
        try (RunScope ignored = RunScope.open(run, List.of(run))) {
            assertThatThrownBy(() -> RunScope.open(run, List.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
            assertThat(CompletableFuture.supplyAsync(() -> {
                try {
                    return RunScope.current();
                } catch (IllegalStateException none) {
                    return null;
                }
            }).join()).isNull();
        }
    }
}
