package io.enoskit.ota.conformance;

import io.cucumber.core.backend.ObjectFactory;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;

/**
 * The object factory Cucumber's JUnit Platform engine creates ({@code cucumber.object-factory}): the conformance
 * glue of a run against the kit's mock in this JVM, with a frozen clock, started on the first call and stopped when
 * the JVM ends.
 */
public final class InProcessMockObjectFactory implements ObjectFactory {
    private final ObjectFactory glue = new ConformanceObjectFactory(
            new ConformanceRun(TargetConfig.inProcessMock(), this::mockUrl));
    private OtaMockServer mock;

    private synchronized String mockUrl() {
        if (mock == null) {
            mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().frozenClock(true));
            Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "enos-ota-conformance-mock-stop"));
        }
        return mock.baseUrl();
    }

    @Override
    public void start() {
        glue.start();
    }

    @Override
    public void stop() {
        glue.stop();
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        return glue.addClass(glueClass);
    }

    @Override
    public <T> T getInstance(Class<T> glueClass) {
        return glue.getInstance(glueClass);
    }
}
