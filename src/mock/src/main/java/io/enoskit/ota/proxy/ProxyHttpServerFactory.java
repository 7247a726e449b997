package io.enoskit.ota.proxy;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import io.enoskit.ota.mock.CrossSiteAdminFilter;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.servlet.ServletMapping;

/**
 * WireMock's Jetty 11 server with the API side handed to {@link TransparentProxyServlet}: every path outside
 * {@code /__admin/} goes to the target (WireMock's stub matching and file serving are unmapped, so no stub can
 * answer in the target's place); the admin API stays WireMock's, guarded as the mock's is
 * ({@link CrossSiteAdminFilter}, the admin token).
 */
final class ProxyHttpServerFactory implements HttpServerFactory {
    private final TransparentProxyServlet proxy;
    private final long timeoutMillis;
    private final String adminToken;

    ProxyHttpServerFactory(TransparentProxyServlet proxy, long timeoutMillis, String adminToken) {
        this.proxy = proxy;
        this.timeoutMillis = timeoutMillis;
        this.adminToken = adminToken;
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateMockServiceContextAfterConfig(context);
                ServletHolder holder = new ServletHolder("enos-ota-proxy", proxy);
                holder.setAsyncSupported(true);
                holder.setInitParameter("timeout", String.valueOf(timeoutMillis));
                holder.setInitParameter("idleTimeout", String.valueOf(timeoutMillis));
                context.getServletHandler().addServlet(holder);
                ServletMapping everything = new ServletMapping();
                everything.setServletName(holder.getName());
                everything.setPathSpecs(new String[] {"/"});
                context.getServletHandler().setServletMappings(new ServletMapping[] {everything});
            }

            @Override
            protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateAdminServiceContextAfterConfig(context);
                CrossSiteAdminFilter.guard(context, adminToken);
            }
        };
    }
}
