package io.enoskit.ota.conformance;

import io.enoskit.ota.profile.ExchangeObserver;
import io.enoskit.ota.profile.ObservedExchange;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Hands every exchange of a scenario's API calls to the run's {@link ExchangeObserver}, which
 * reads what it shows about the profile's settings, and keeps it as the scenario's last exchange (the evidence a
 * step records). Added before the credentials, so they never reach the observer; calls made without credentials on
 * purpose (the authentication rules) are not observed, as their refusals are the gateway's, not the API's.
 */
final class ObservingFilter implements Filter {
    private final ConformanceWorld world;

    ObservingFilter(ConformanceWorld world) {
        this.world = world;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        ObservedExchange exchange = exchange(request, response);
        world.run().observer().observe(exchange);
        world.lastExchange(exchange);
        return response;
    }

    /** A rest-assured exchange as the observer reads it. */
    static ObservedExchange exchange(FilterableRequestSpecification request, Response response) {
        URI uri = URI.create(request.getURI());
        Object body = request.getBody();
        return ObservedExchange.of(request.getMethod(), uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                body == null ? null : body.toString(), response.statusCode(), response.asString());
    }
}
