package io.enoskit.ota.mock;

import com.google.common.net.MediaType;
import io.enoskit.ota.contract.Json;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlets.CrossOriginFilter;

/**
 * Keeps web pages from driving the admin API (cross-site request forgery). A page on another origin cannot read the
 * admin API's answers (it sends no CORS headers), but a "simple" request needs no preflight: a {@code POST} with a
 * {@code text/plain} body reaches {@code /__admin/ota/reset} or WireMock's {@code /__admin/mappings} and acts. So
 * every request that can change state ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) on the admin API,
 * the kit's routes and WireMock's alike, is refused with HTTP 403 and {@code {"error": String}} when
 * <ul>
 *   <li>a browser says it comes from another site or origin: {@code Sec-Fetch-Site} is {@code cross-site} or
 *       {@code same-site}, or {@code Origin} is not the origin the request was sent to ({@code null} included);</li>
 *   <li>or it has a body whose {@code Content-Type} is not JSON: the three types a page may send without a preflight
 *       are {@code text/plain}, {@code application/x-www-form-urlencoded} and {@code multipart/form-data}, and a
 *       browser that sends no {@code Origin} is still caught here.</li>
 * </ul>
 * Tools (curl, tests, WireMock's client) send neither header, so only the JSON content type is asked of them; a
 * body-less {@code POST /__admin/ota/reset} passes. A request carrying the admin token ({@code Authorization: Token
 * t}, {@code --admin-token}) passes: a page cannot add that header without a preflight, which the admin API refuses.
 */
public final class CrossSiteAdminFilter implements Filter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final String adminToken;

    /** @param adminToken the admin token the mock requires, or null when it requires none */
    CrossSiteAdminFilter(String adminToken) {
        this.adminToken = adminToken;
    }

    /**
     * Closes an admin context to web pages: WireMock's CORS filter on it is unmapped (it opens the admin API to any
     * origin) and this filter guards it. The mock and the validating proxy guard their admin APIs with this one call.
     *
     * @param adminToken the admin token required, or null when none is
     */
    public static void guard(ServletContextHandler admin, String adminToken) {
        ServletHandler handler = admin.getServletHandler();
        Set<String> cors = Arrays.stream(handler.getFilters())
                .filter(holder -> CrossOriginFilter.class.getName().equals(holder.getClassName()))
                .map(FilterHolder::getName).collect(Collectors.toSet());
        handler.setFilterMappings(Arrays.stream(handler.getFilterMappings())
                .filter(mapping -> !cors.contains(mapping.getFilterName()))
                .toArray(FilterMapping[]::new));
        admin.addFilter(new FilterHolder(new CrossSiteAdminFilter(adminToken)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String refusal = SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || tokenGiven(request)
                ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        byte[] bytes = Json.write(Map.of("error", refusal)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(403);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private boolean tokenGiven(HttpServletRequest request) {
        return adminToken != null && ("Token " + adminToken).equals(request.getHeader("Authorization"));
    }

    /** Why the request is refused, or null when it may go on. */
    private static String refusal(HttpServletRequest request) {
        String what = request.getMethod() + " " + request.getRequestURI();
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return what + " refused: a web page of another site (Sec-Fetch-Site: " + site + ") may not change the"
                    + " mock's state; call the admin API from a tool or a test, not from a page";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(originOf(request))) {
            return what + " refused: a web page of another origin (Origin: " + origin + ") may not change the"
                    + " mock's state; call the admin API from a tool or a test, not from a page";
        }
        if (hasBody(request) && !isJson(request.getContentType())) {
            return what + " refused: the admin API takes JSON bodies only; send Content-Type: application/json"
                    + " (found: " + (request.getContentType() == null ? "none" : request.getContentType()) + ")";
        }
        return null;
    }

    /** The origin the request was sent to, as a browser writes it in {@code Origin}: scheme://host[:port]. */
    private static String originOf(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return "";
        }
        try {
            URI uri = new URI(request.getScheme() + "://" + host);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                    || (port == 443 && "https".equals(uri.getScheme()));
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException notAHost) {
            return "";
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * {@code application/json} or a {@code +json} type, with any parameters, read with Guava's {@link MediaType} as
     * the contract's {@code HttpRequest} reads it; a value that is no media type is not JSON.
     */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parse(contentType);
            return type.type().equals("application")
                    && (type.subtype().equals("json") || type.subtype().endsWith("+json"));
        } catch (IllegalArgumentException notAMediaType) {
            return false;
        }
    }
}
