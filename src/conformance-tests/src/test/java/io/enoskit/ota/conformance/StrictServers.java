package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Correct servers stricter than the mock, each a filter of its own in front of it that refuses exactly what one
 * documented text says and nothing else (written from the vendor pages, sharing no code with the mock's checks). A
 * refusal is the envelope with 99400 "Invalid Argument", naming the field.
 */
final class StrictServers {
    /** The fields of the "Firmware Verification Task" table of the V2.1 Create OTA Job page, and no other. */
    static final Set<String> VERIFICATION_TABLE = Set.of("type", "upgradeScope", "upgradeTimeout");
    /** The Content-Type of the EnOS API convention (EnOS API overview, "Request URI"), as written there. */
    static final String DOCUMENTED_CONTENT_TYPE = "application/json;charset=UTF-8";

    private StrictServers() {
    }

    /**
     * Create OTA Job of a verification job ({@code "type":"verify"}) with a field its table does not list is refused,
     * as a server that follows the table to the letter (unknown field, 99400) would.
     */
    static Extension verificationTableToTheLetter() {
        return refusing("strict-verification-table", request -> {
            if (!TestDoubles.action("create").test(request)) {
                return null;
            }
            JsonNode body = TestDoubles.json(request.getBodyAsString());
            if (body == null || !body.isObject() || !"verify".equals(body.path("type").asText())) {
                return null;
            }
            for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!VERIFICATION_TABLE.contains(field)) {
                    return "Invalid Argument " + field + ": not a field of a verification job";
                }
            }
            return null;
        });
    }

    /**
     * A call of the API or of the token service that sends a Content-Type other than the documented string, byte for
     * byte, is refused; so is a POST without one.
     */
    static Extension documentedContentTypeOnly() {
        return refusing("strict-content-type", request -> {
            if (!TestDoubles.api().or(TestDoubles.tokenService()).test(request)) {
                return null;
            }
            List<String> sent = request.header("Content-Type").isPresent()
                    ? request.header("Content-Type").values() : List.of();
            boolean post = request.getMethod().equals(RequestMethod.POST);
            // uploads are multipart/form-data by the same convention (EnOS API overview, "Request URI")
            boolean upload = sent.size() == 1 && sent.get(0).startsWith("multipart/form-data;");
            if (sent.equals(List.of(DOCUMENTED_CONTENT_TYPE)) || (sent.isEmpty() && !post) || upload) {
                return null;
            }
            return "Invalid Argument Content-Type: must be " + DOCUMENTED_CONTENT_TYPE + ", was "
                    + (sent.isEmpty() ? "absent" : String.join(", ", sent));
        });
    }

    /** A filter answering 99400 with the message the check returns, or passing the request on when it returns null. */
    private static Extension refusing(String name, Function<Request, String> check) {
        return new StubRequestFilterV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public RequestFilterAction filter(Request request, ServeEvent event) {
                String refusal = check.apply(request);
                if (refusal == null) {
                    return RequestFilterAction.continueWith(request);
                }
                return RequestFilterAction.stopWith(ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Json.write(TestDoubles.envelope(99400, refusal, null))).build());
            }
        };
    }
}
