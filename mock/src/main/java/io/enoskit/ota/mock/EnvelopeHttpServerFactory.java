package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;

/** WireMock's own Jetty 11 server, with {@link EnvelopeErrorHandler} in place of Jetty's HTML error pages. */
final class EnvelopeHttpServerFactory implements HttpServerFactory {
    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected void applyAdditionalServerConfiguration(Server server, Options serverOptions) {
                super.applyAdditionalServerConfiguration(server, serverOptions);
                server.setErrorHandler(new EnvelopeErrorHandler(false));
            }

            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateMockServiceContextAfterConfig(context);
                context.setErrorHandler(new EnvelopeErrorHandler(false));
            }

            @Override
            protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateAdminServiceContextAfterConfig(context);
                context.setErrorHandler(new EnvelopeErrorHandler(true));
            }
        };
    }
}
