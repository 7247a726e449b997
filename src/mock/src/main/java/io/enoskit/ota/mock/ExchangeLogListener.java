package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Feeds every API exchange the mock has answered to the {@link ExchangeLog} the console reads. WireMock calls it for
 * API requests only (never for the admin API), also with its request journal off. Built by {@link MockWiring};
 * do not register it alone.
 */
final class ExchangeLogListener implements ServeEventListener {
    static final String NAME = "enos-ota-exchange-log";
    private final ExchangeLog log;

    ExchangeLogListener(ExchangeLog log) {
        this.log = log;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        LoggedRequest request = event.getRequest();
        LoggedResponse response = event.getResponse();
        log.add(request.getLoggedDate() == null ? System.currentTimeMillis() : request.getLoggedDate().getTime(),
                request.getMethod().getName(), request.getUrl(), request.getBodyAsString(),
                response == null ? 0 : response.getStatus(), response == null ? "" : response.getBodyAsString(),
                response == null || response.getFault() == null ? null : response.getFault().name());
    }
}
