package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.contract.ApimSignature;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gateway authentication checked, not only used: calls without credentials, with a made-up token or a wrong
 * signature must be refused; the token service must refuse a wrong {@code encryption} and answer in its documented
 * shape. The probe call is Get OTA Job of a job that does not exist: a served answer is the API's own (code 0 or
 * 24404 on HTTP 2xx); anything else counts as refused (HTTP 401 or 403 is the documented form; others are observed).
 */
public final class AuthSteps {
    private static final String NO_SUCH_JOB = "enos-ota-kit-no-such-job";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ConformanceWorld world;
    private Response answer;

    public AuthSteps(ConformanceWorld world) {
        this.world = world;
    }

    @When("I read a job without credentials")
    public void readWithoutCredentials() {
        answer = probe(world.unauthenticatedRequest());
    }

    @When("I read a job with a made-up access token in the form the token service issues")
    public void readWithAMadeUpServiceToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        long timestamp = System.currentTimeMillis();
        answer = probe(world.unauthenticatedRequest()
                .header("apim-accesstoken", token)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", world.tokens().sign(token, probeQuery(), null, timestamp)));
    }

    @When("I read a job with a made-up access token in the form the EnOS client sends")
    public void readWithAMadeUpClientToken() {
        byte[] bytes = new byte[256];
        RANDOM.nextBytes(bytes);
        answer = probe(world.unauthenticatedRequest()
                .header("apim-accesstoken", Base64.getEncoder().encodeToString(bytes)));
    }

    @When("I read a job with a valid access token and a signature of another request")
    public void readWithAWrongSignature() {
        if (world.target().auth() != TargetConfig.Auth.TOKEN) {
            throw world.skip("the EnOS client (--auth poseidon) does not sign its calls; run with --auth token");
        }
        String token = world.tokens().accessToken();
        long timestamp = System.currentTimeMillis();
        Map<String, String> other = Map.of("action", "get", "orgId", world.target().orgId(), "jobId", "another-job");
        answer = probe(world.unauthenticatedRequest()
                .header("apim-accesstoken", token)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", world.tokens().sign(token, other, null, timestamp)));
    }

    @Then("the call is refused")
    public void theCallIsRefused() {
        JsonNode body = TokenAuthFilter.readJson(answer.asString());
        int status = answer.statusCode();
        boolean served = status >= 200 && status < 300 && body.path("code").isNumber()
                && (body.path("code").asInt() == 0 || body.path("code").asInt() == 24404);
        assertThat(served).as("the call was served (HTTP %s, %s): the gateway must refuse it", status,
                body.path("code").isMissingNode() ? "no code" : "code " + body.path("code").asText()).isFalse();
        if (status != 401 && status != 403) {
            world.observe("refused with HTTP " + status + " (401 or 403 would be the usual answer): "
                    + Exchanges.pretty(answer.asString()).lines().findFirst().orElse(""));
        }
    }

    @When("I ask the token service for a token with a wrong encryption")
    public void askWithAWrongEncryption() {
        long timestamp = System.currentTimeMillis();
        answer = world.tokens().requestToken(world.target().appKey(),
                ApimSignature.encryption(world.target().appKey(), timestamp, "enos-ota-kit-not-the-secret"),
                timestamp);
    }

    @When("I ask the token service for a token")
    public void askForAToken() {
        long timestamp = System.currentTimeMillis();
        answer = world.tokens().requestToken(world.target().appKey(),
                ApimSignature.encryption(world.target().appKey(), timestamp, secret()), timestamp);
    }

    @Then("no token is issued")
    public void noTokenIsIssued() {
        JsonNode body = TokenAuthFilter.readJson(answer.asString());
        assertThat(body.path("data").path("accessToken").asText("")).as("accessToken issued for a wrong encryption")
                .isEmpty();
        if (body.path("status").asInt(-1) != 1003) {
            world.observe("a wrong encryption is answered " + Exchanges.pretty(answer.asString()).replaceAll("\\s+", " ")
                    + " (the APIM docs list 1003 \"encryption invalid\")");
        }
    }

    @Then("the token answer has status 0, a msg, and data with the accessToken and its expire in seconds")
    public void theTokenAnswerHasItsShape() {
        JsonNode body = TokenAuthFilter.readJson(answer.asString());
        assertThat(body.path("status").isIntegralNumber() && body.path("status").asInt() == 0)
                .as("status of %s is the number 0", body).isTrue();
        assertThat(body.path("msg").isTextual()).as("msg of %s", body).isTrue();
        assertThat(body.path("data").path("accessToken").asText("")).as("data.accessToken of %s", body).isNotBlank();
        assertThat(body.path("data").path("expire").isIntegralNumber()).as("data.expire of %s, seconds", body)
                .isTrue();
    }

    private String secret() {
        return world.target().appSecret();
    }

    /** The query of the probe call, as the signature covers it. */
    private Map<String, String> probeQuery() {
        return Map.of("action", "get", "orgId", world.target().orgId(), "jobId", NO_SUCH_JOB);
    }

    private Response probe(RequestSpecification request) {
        return request.queryParam("action", "get").queryParam("orgId", world.target().orgId())
                .queryParam("jobId", NO_SUCH_JOB).get(ConformanceWorld.JOBS);
    }
}
