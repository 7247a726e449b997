package io.enoskit.ota.maven;

import io.enoskit.ota.mock.OtaMockServer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops the mock the {@code start} goal started in this project, by default after the integration tests
 * ({@code post-integration-test}); its state file, if any, is saved first. Nothing to stop (start skipped) is no
 * error.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public final class StopMojo extends AbstractMojo {
    /** Stop nothing. */
    @Parameter(property = "enos.ota.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() {
        if (skip) {
            getLog().info("EnOS OTA mock: stop skipped (enos.ota.skip)");
            return;
        }
        if (!(getPluginContext().remove(StartMojo.RUNNING) instanceof OtaMockServer server)) {
            getLog().info("EnOS OTA mock: nothing to stop");
            return;
        }
        String baseUrl = server.baseUrl();   // a stopped server has no port any more
        server.close();
        getLog().info("EnOS OTA mock: stopped (was on " + baseUrl + ")");
    }
}
