package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import com.github.tomakehurst.wiremock.common.JettySettings;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty 11 server, HTTP/1.1 only, with {@link EnvelopeErrorHandler} in place of Jetty's HTML error
 * pages, {@link RequestBodyFilter} in front of both contexts (API and admin API) and {@link AdminNotFoundFilter}
 * giving the admin API's empty 404s a body. The admin API answers no cross-origin request: WireMock opens it to any
 * origin, which would let any web page a user has open read or reset the mock; and {@link CrossSiteAdminFilter}
 * refuses the state changes a page can send without asking (simple requests).
 */
final class EnvelopeHttpServerFactory implements HttpServerFactory {
    private final MockOptions settings;
    private final EnvelopeResponses responses;
    private final ExchangeLog exchanges;

    /**
     * @param settings  the mock's options (limits, admin token, profile)
     * @param exchanges the console's log of API exchanges, which requests refused before WireMock sees them join
     */
    EnvelopeHttpServerFactory(MockOptions settings, ExchangeLog exchanges) {
        this.settings = settings;
        this.exchanges = exchanges;
        this.responses = new EnvelopeResponses(settings.profile());
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            /**
             * The API is HTTP/1.1 only, its request line read strictly ({@link StrictRequestLineConnectionFactory}).
             * WireMock adds h2c (HTTP/2 without TLS) next to it; a client sending the HTTP/2 preface with prior
             * knowledge then got the server's SETTINGS frame and nothing more until the 30 s idle timeout, where
             * HTTP/1.1 alone answers it at once (Jetty's 426 Upgrade Required). Clients that offer {@code Upgrade:
             * h2c} stay on HTTP/1.1.
             *
             * <p>Jetty waits for the first body bytes before it hands a request on; a client that declares a body and
             * sends none would then get no answer at all. The body is read without holding a thread anyway
             * ({@link RequestBodyFilter}), so requests go on at once: an oversized declared length gets its 413 at
             * once, a stalled body its 408 after the body timeout.
             */
            @Override
            protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings jettySettings,
                                                          NetworkTrafficListener listener) {
                HttpConfiguration config = Jetty11Utils.createHttpConfig(jettySettings);
                // no violation allowed: CASE_INSENSITIVE_METHOD would fold Post into POST without a word
                config.setHttpCompliance(HttpCompliance.RFC7230);
                config.setDelayDispatchUntilContent(false);
                return Jetty11Utils.createServerConnector(jettyServer, bindAddress, jettySettings, port, listener,
                        new StrictRequestLineConnectionFactory(config));
            }

            @Override
            protected void applyAdditionalServerConfiguration(Server server, Options serverOptions) {
                super.applyAdditionalServerConfiguration(server, serverOptions);
                server.setErrorHandler(new EnvelopeErrorHandler(false, responses));
            }

            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateMockServiceContextAfterConfig(context);
                context.setErrorHandler(new EnvelopeErrorHandler(false, responses));
                addBodyFilter(context, false);
            }

            @Override
            protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateAdminServiceContextAfterConfig(context);
                context.setErrorHandler(new EnvelopeErrorHandler(true, responses));
                CrossSiteAdminFilter.guard(context, settings.adminToken());
                addBodyFilter(context, true);
                FilterHolder notFound = new FilterHolder(new AdminNotFoundFilter());
                notFound.setAsyncSupported(true);
                context.addFilter(notFound, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }
        };
    }

    private void addBodyFilter(ServletContextHandler context, boolean admin) {
        FilterHolder holder = new FilterHolder(new RequestBodyFilter(settings.maxBodyBytes(),
                settings.maxUploadBytes(), settings.bodyTimeout().toMillis(), admin, settings.exitOnOutOfMemory(),
                responses, admin ? null : exchanges));
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }
}
