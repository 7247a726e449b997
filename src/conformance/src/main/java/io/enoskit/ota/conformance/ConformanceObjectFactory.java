package io.enoskit.ota.conformance;

import io.cucumber.core.backend.ObjectFactory;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.picocontainer.MutablePicoContainer;
import org.picocontainer.PicoBuilder;

/**
 * Cucumber's object factory for the conformance glue: a PicoContainer per scenario holding the glue classes (built
 * by constructor injection) and the run they belong to, the one {@link ConformanceRunner} is running ({@code
 * conform}) or one given by a factory of the caller's that Cucumber creates (the JUnit Platform engine's {@code
 * cucumber.object-factory}).
 */
public final class ConformanceObjectFactory implements ObjectFactory {
    private final Supplier<ConformanceRun> run;
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private MutablePicoContainer pico;

    /**
     * For Cucumber ({@code --object-factory}, listed in {@code META-INF/services}): the glue of the run {@link
     * ConformanceRunner} is running on this thread. The run is looked up when the first scenario starts, not here:
     * Cucumber's service loader creates every listed factory, also when it then picks another.
     */
    public ConformanceObjectFactory() {
        this.run = () -> RunScope.current().run();
    }

    /** The glue of the given run. */
    public ConformanceObjectFactory(ConformanceRun run) {
        this.run = () -> run;
    }

    @Override
    public void start() {
        pico = new PicoBuilder().withCaching().build();
        pico.addComponent(run.get());
        classes.forEach(pico::addComponent);
    }

    @Override
    public void stop() {
        pico = null;
    }

    /** Registers a glue class and, as Cucumber's own PicoFactory does, the classes its constructor takes. */
    @Override
    public boolean addClass(Class<?> glueClass) {
        if (glueClass != ConformanceRun.class && classes.add(glueClass)) {
            for (var constructor : glueClass.getConstructors()) {
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    addClass(parameter);
                }
            }
        }
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> glueClass) {
        return pico.getComponent(glueClass);
    }
}
