package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The running mock: WireMock with the OTA extensions, serving the stub mappings of the root dir.
 * {@code try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {...}}
 */
public final class OtaMockServer implements AutoCloseable {
    private final WireMockServer server;
    private final MockOptions options;

    private OtaMockServer(WireMockServer server, MockOptions options) {
        this.server = server;
        this.options = options;
    }

    /**
     * Starts a mock and returns once it accepts requests.
     *
     * @throws IllegalArgumentException when the root dir or its state file cannot be used
     */
    public static OtaMockServer start(MockOptions options) {
        WireMockServer server = new WireMockServer(options.toWireMockConfiguration());
        server.start();
        return new OtaMockServer(server, options);
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, with a loopback host when bound to every address. */
    public String baseUrl() {
        String host = options.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port();
    }

    /** Stops the server; what it stored is lost. */
    @Override
    public void close() {
        server.stop();
    }
}
