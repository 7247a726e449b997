package io.enoskit.ota.reliability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The API's facts the generators and checks use: paths, the default state, the business rules, JSON. */
final class Api {
    static final String JOBS = "/connect-service/v2.1/ota-jobs";
    static final String TOKEN_GET = "/apim-token-service/v2.0/token/get";
    static final String TOKEN_REFRESH = "/apim-token-service/v2.0/token/refresh";
    static final String ADMIN = "/__admin/ota";
    static final String ORG = "yourOrgId";
    static final String FIRMWARE = "yourFirmwareId";
    static final String UNVERIFIED = "unverifiedFirmwareId";
    static final Set<String> FIRMWARES = Set.of(FIRMWARE, UNVERIFIED);
    static final int VERIFICATION_LIMIT = 5;
    static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String VERIFY_BODY = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\","
            + "\"deviceKeys\":[\"deviceKey1\"]}}";

    /** Reads answers: no depth or size limit of its own, so a deep but valid answer is never blamed on the mock. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(100_000).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Api() {
    }

    static String create(String org, String firmware) {
        return JOBS + "?action=create&orgId=" + org + "&firmwareId=" + firmware;
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The business rules of create for a body that fits the spec: an unknown org or firmware (24404), a verification
     * job on scope total (24611) or on more devices than allowed (24612), an upgrade job on the firmware awaiting
     * verification (24610).
     */
    static Expect business(JsonNode body, String org, String firmware) {
        if (!ORG.equals(org) || !FIRMWARES.contains(firmware)) {
            return Expect.INVALID;
        }
        String type = body.path("type").asText("");
        JsonNode scope = body.path("upgradeScope");
        if (type.equals("verify")) {
            if (scope.path("type").asText("").equals("total")) {
                return Expect.INVALID;
            }
            // the mock counts distinct keys (spec: inferred; a key named twice is one device)
            Set<String> distinct = new HashSet<>();
            scope.path("deviceKeys").forEach(key -> distinct.add(key.toString()));
            if (distinct.size() > VERIFICATION_LIMIT) {
                return Expect.INVALID;
            }
        }
        if (type.equals("upgrade") && firmware.equals(UNVERIFIED)) {
            return Expect.INVALID;
        }
        return Expect.ANY;
    }

    /** The last value of a query parameter in a request target, percent-decoded, or null. */
    static String queryParam(String target, String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        String found = null;
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    found = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException broken) {
                    found = null;
                }
            }
        }
        return found;
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
