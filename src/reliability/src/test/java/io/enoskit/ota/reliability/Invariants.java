package io.enoskit.ota.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import io.enoskit.ota.reliability.RawHttp.Answer;
import io.enoskit.ota.reliability.RawHttp.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The invariants every answer must keep, whatever was sent:
 * <ol type="a">
 *   <li>no HTTP status of 500 or more;</li>
 *   <li>an answer within {@link #DEADLINE} (a hang fails); for a raw-socket request with broken framing, the server
 *       closing the connection counts as an answer;</li>
 *   <li>an answer whose Content-Type says JSON is JSON; every answer on the API's paths is JSON (a HEAD answer says
 *       so in its Content-Type; a CORS preflight is answered by WireMock's CORS support with no body); every 404 on
 *       the admin API's paths is {@code {"error": "..."}}, never an empty body;</li>
 *   <li>no success ({@code "code":0} on the API, {@code "status":0} from the token service, a 2xx from the admin
 *       routes) for a request the generator knows to be invalid; and no answer below 400 to a request HTTP says to
 *       refuse (a method or version spelled in another case: the server must not serve it as the one it
 *       resembles);</li>
 * </ol>
 * and, for a create that succeeded, (e) the job reads back with Get OTA Job (HTTP 200, JSON, code 0).
 */
final class Invariants {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private Invariants() {
    }

    /** Sends the request to the mock on {@code port} and checks the answer; returns it. */
    static Answer sendAndCheck(int port, HostileRequest request, Tally tally) {
        return sendAndCheck(port, request, tally, DEADLINE);
    }

    static Answer sendAndCheck(int port, HostileRequest request, Tally tally, Duration deadline) {
        return sendAndCheck(port, request, tally, deadline, true);
    }

    /** As above; {@code readBack} false leaves (e) to the caller. */
    static Answer sendAndCheck(int port, HostileRequest request, Tally tally, Duration deadline, boolean readBack) {
        Answer answer;
        try {
            answer = RawHttp.exchange(port, request.bytes(port), request.halfClose(), request.isHead(), deadline);
        } catch (IOException e) {
            throw new UncheckedIOException("could not even connect to the mock on port " + port, e);
        }
        tally.count(request, answer);
        check(request, answer);
        if (readBack && request.route() == Route.CREATE && answer.outcome() == Outcome.ANSWERED
                && code(answer) == 0) {
            readBack(port, request, answer, tally);
        }
        return answer;
    }

    static void check(HostileRequest request, Answer answer) {
        // (b)
        if (answer.outcome() == Outcome.HUNG || answer.outcome() == Outcome.NOT_HTTP1) {
            fail("(b) no answer within " + answer.millis() / 1000 + " s", request, answer);
        }
        if (answer.outcome() == Outcome.CLOSED) {
            if (request.raw() == null) {
                fail("(b) the connection was closed without an answer to a well-framed request", request, answer);
            }
            return;
        }
        // (a), except 505 for a request line naming an HTTP version other than 1.0 and 1.1: that is the status
        // RFC 9110 gives for it, not a fault of the server
        if (answer.status() >= 500 && !(answer.status() == 505 && namesAnotherHttpVersion(request))) {
            fail("(a) HTTP status " + answer.status(), request, answer);
        }
        // (c)
        JsonNode json = null;
        boolean saysJson = isJson(answer.header("content-type"));
        if (saysJson && !request.isHead()) {
            try {
                json = Api.parse(new String(answer.body(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException notJson) {
                fail("(c) Content-Type says JSON but the body is not JSON (" + notJson.getOriginalMessage() + ")",
                        request, answer);
            }
        }
        boolean preflight = request.isCorsPreflight() && answer.status() < 300 && answer.body().length == 0;
        if (request.onApiPath() && !preflight) {
            if (!saysJson) {
                fail("(c) an answer on the API's path that is not JSON (Content-Type: "
                        + answer.header("content-type") + ")", request, answer);
            }
            if (!request.isHead() && json == null) {
                fail("(c) an answer on the API's path with no JSON body", request, answer);
            }
        }
        // an admin route's request (a path like /__admin/../connect-service/... is the API's once Jetty resolves it)
        if (request.route() == Route.ADMIN && request.path().startsWith("/__admin") && answer.status() == 404
                && !request.isHead()
                && (json == null || !json.path("error").isTextual() || json.path("error").asText().isBlank())) {
            fail("(c) an admin 404 that is not {\"error\": \"...\"}", request, answer);
        }
        // (d)
        if (request.expect() == Expect.REFUSED && answer.status() < 400) {
            fail("(d) an answer below 400 to a request HTTP says to refuse", request, answer);
        }
        if (request.expect() == Expect.INVALID || request.expect() == Expect.REFUSED) {
            boolean success = switch (request.route()) {
                case CREATE, GET, ACTION -> json != null && json.path("code").isNumber()
                        && json.path("code").asLong() == 0;
                case TOKEN -> json != null && json.path("status").isNumber() && json.path("status").asLong() == 0;
                case ADMIN -> answer.status() >= 200 && answer.status() < 300;
                case OTHER -> json != null && json.path("code").isNumber() && json.path("code").asLong() == 0;
            };
            if (success) {
                fail("(d) success for a request the generator knows to be invalid", request, answer);
            }
        }
    }

    private static boolean namesAnotherHttpVersion(HostileRequest request) {
        if (request.raw() == null) {
            return false;
        }
        String text = new String(request.raw(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).trim();
        return !(line.endsWith(" HTTP/1.1") || line.endsWith(" HTTP/1.0"));
    }

    /** (e) a created job reads back. */
    static void readBack(int port, HostileRequest request, Answer created, Tally tally) {
        String org = Api.queryParam(request.target(), "orgId");
        JsonNode body = json(created);
        String jobId = body.path("data").path("jobId").asText("");
        if (jobId.isEmpty()) {
            fail("(d) code 0 on create without data.jobId", request, created);
        }
        HostileRequest get = HostileRequest.of("read-back", Route.GET, Expect.ANY, "GET",
                Api.JOBS + "?action=get&orgId=" + encode(org) + "&jobId=" + encode(jobId), List.of(),
                null, List.of("Get OTA Job of the job just created"));
        Answer answer;
        try {
            answer = RawHttp.exchange(port, get.bytes(port), false, false, DEADLINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tally.count(get, answer);
        if (answer.outcome() != Outcome.ANSWERED || answer.status() != 200 || json(answer) == null
                || json(answer).path("code").asLong(-1) != 0) {
            throw new AssertionError("(e) the job created by this request does not read back with Get OTA Job: "
                    + answer.summary() + "\n  request: " + request);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static long code(Answer answer) {
        JsonNode json = json(answer);
        return json == null ? -1 : json.path("code").asLong(-1);
    }

    static JsonNode json(Answer answer) {
        if (answer.outcome() != Outcome.ANSWERED || !isJson(answer.header("content-type"))) {
            return null;
        }
        try {
            return Api.parse(answer.bodyText());
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static void fail(String invariant, HostileRequest request, Answer answer) {
        throw new AssertionError(invariant + "\n  answer: " + answer.summary() + "\n  request: " + request);
    }
}
