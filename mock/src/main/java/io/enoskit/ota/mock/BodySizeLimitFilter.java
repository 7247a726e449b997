package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.Envelope;
import io.enoskit.ota.domain.OtaError;

/**
 * Answers a request whose body is over the size limit before any stub mapping sees it: 99400 with HTTP 413 (the
 * status the gateway documents for a too large request). Applies to the API, not to the admin API nor the token
 * service (which answers in its own shape). Requests that
 * cannot be read at all never reach WireMock's filters; {@link EnvelopeErrorHandler} answers those.
 * Built by {@link OtaMockExtensions}; do not register it alone.
 */
public final class BodySizeLimitFilter implements StubRequestFilterV2 {
    public static final String NAME = "enos-body-size-limit";
    private final long maxBodyBytes;

    /** @param maxBodyBytes the largest body accepted, in bytes */
    BodySizeLimitFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (request.getUrl().startsWith(ApimTokenTransformer.PATH_PREFIX)) {
            return RequestFilterAction.continueWith(request);
        }
        byte[] body = request.getBody();
        if (body != null && body.length > maxBodyBytes) {
            return RequestFilterAction.stopWith(EnvelopeResponses.json(413, Envelope.error(OtaError.INVALID_ARGUMENT,
                    "body: has " + body.length + " bytes, more than the " + maxBodyBytes + " the mock accepts")));
        }
        return RequestFilterAction.continueWith(request);
    }
}
