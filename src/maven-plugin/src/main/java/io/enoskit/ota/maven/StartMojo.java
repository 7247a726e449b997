package io.enoskit.ota.maven;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.EnosVersion;
import io.enoskit.ota.profile.ProfileException;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts the mock of the EnOS OTA Job API for the integration tests of the build, by default before them
 * ({@code pre-integration-test}), in the Maven process, listening on loopback. Once it accepts requests, the project
 * properties {@value #PORT_PROPERTY} (the port, the free one chosen when {@code port} is 0) and
 * {@value #BASE_URL_PROPERTY} ({@code http://127.0.0.1:<port>}) say where it is, for Failsafe's
 * {@code systemPropertyVariables}. The {@code stop} goal stops it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public final class StartMojo extends AbstractMojo {
    /** The project property that holds the port the mock listens on. */
    public static final String PORT_PROPERTY = "enos.ota.port";
    /** The project property that holds the mock's base URL. */
    public static final String BASE_URL_PROPERTY = "enos.ota.baseUrl";
    /** Where {@code start} leaves the running mock for {@code stop}: the plugin's context, one per project. */
    static final String RUNNING = OtaMockServer.class.getName();

    /** The TCP port, 0 to 65535; 0 picks a free one (the default, so parallel builds do not collide). */
    @Parameter(property = PORT_PROPERTY, defaultValue = "0")
    private int port;

    /**
     * Behaviour profiles, built-in names ({@code enos-2.3}) or YAML files, stacked on the default profile in order;
     * on the command line comma-separated.
     */
    @Parameter(property = "enos.ota.profiles")
    private List<String> profiles;

    /**
     * The EnOS release served, {@code 2.2}, {@code 2.3}, {@code 2.4} or {@code 3.0}, stacked over the profiles so it
     * wins over a file's {@code enos.version}; none: the profile's release.
     */
    @Parameter(property = "enos.ota.enosVersion")
    private String enosVersion;

    /**
     * A state file: loaded at start when it exists, saved on every change and at stop; none: the embedded default
     * state, in memory.
     */
    @Parameter(property = "enos.ota.stateFile")
    private File stateFile;

    /** Accept unknown body fields and query parameters ({@code request.unknownFields: ignore}). */
    @Parameter(property = "enos.ota.lenient", defaultValue = "false")
    private boolean lenient;

    /** Start no mock (the {@code stop} goal then has nothing to stop). */
    @Parameter(property = "enos.ota.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * @throws MojoExecutionException naming the parameter and the rule, when a value cannot be used; or when a mock
     *                                started by this project is still running
     */
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("EnOS OTA mock: skipped (enos.ota.skip)");
            return;
        }
        if (running().get(RUNNING) != null) {
            throw new MojoExecutionException("EnOS OTA mock: already started in this project; bind the stop goal"
                    + " between two start executions");
        }
        MockOptions options = options();
        OtaMockServer server;
        try {
            server = OtaMockServer.start(options);
        } catch (IllegalArgumentException wrong) {
            // MockOptionException, ProfileException and an unusable state file all name the setting and the rule
            throw new MojoExecutionException("EnOS OTA mock: " + wrong.getMessage(), wrong);
        }
        running().put(RUNNING, server);
        project.getProperties().setProperty(PORT_PROPERTY, String.valueOf(server.port()));
        project.getProperties().setProperty(BASE_URL_PROPERTY, server.baseUrl());
        getLog().info("EnOS OTA mock: listening on " + server.baseUrl() + " (EnOS "
                + options.profile().enosVersion().label() + ", profile " + options.profile().layers() + ")");
    }

    /** The plugin's context, shared with {@code stop} in this project; Maven's API gives it as a raw map. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> running() {
        return getPluginContext();
    }

    /**
     * The parameters as the mock's options.
     *
     * @throws MojoExecutionException naming the parameter and the rule ({@code MockOptions.port must be from 0 to
     *                                65535, was 70000}; a profile file and the setting it gets wrong)
     */
    private MockOptions options() throws MojoExecutionException {
        try {
            BehaviourProfile profile = profiles == null ? BehaviourProfile.defaults() : BehaviourProfile.of(profiles);
            if (enosVersion != null && !enosVersion.isBlank()) {
                EnosVersion version = EnosVersion.parse(enosVersion).orElseThrow(() -> new MojoExecutionException(
                        "EnOS OTA mock: enosVersion must be one of " + EnosVersion.labels() + ", was " + enosVersion));
                profile = profile.with(BehaviourProfile.builtIn(version.profileName()));
            }
            return MockOptions.mockOptions().port(port).lenient(lenient)
                    .stateFile(stateFile == null ? null : stateFile.toPath()).profile(profile);
        } catch (IllegalArgumentException | ProfileException wrong) {
            throw new MojoExecutionException("EnOS OTA mock: " + wrong.getMessage(), wrong);
        }
    }
}
