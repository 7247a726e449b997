package io.enoskit.ota.conformance;

/** What the {@code conform} command asks of the conformance package before it runs the features. */
public final class Conformance {
    private Conformance() {
    }

    /** One harmless call (Get OTA Job of a job that does not exist): HTTP 401 means credentials are needed. */
    private static String authenticationRequired(TargetConfig target) {
        try {
            io.restassured.response.Response probe = io.restassured.RestAssured.given().baseUri(target.baseUrl())
                    .queryParam("action", "get").queryParam("orgId", target.orgId())
                    .queryParam("jobId", "enos-ota-kit-probe").get(ConformanceWorld.JOBS);
            return probe.statusCode() == 401
                    ? "the target answers HTTP 401 without credentials (" + probe.asString().strip()
                            + "); use --auth token or --auth poseidon with --app-key and --app-secret"
                    : null;
        } catch (RuntimeException unreachable) {
            return "the target " + target.baseUrl() + " could not be reached: " + unreachable.getMessage();
        }
    }

    /** What keeps the configured target from being run at all (missing settings), or null. */
    public static String unusableTarget() {
        return TargetConfig.current().missingBasics();
    }

    /**
     * Gets an access token when the target uses gateway authentication, or, without authentication, checks that
     * the target does not ask for it, so that refused or missing credentials stop the run with one message
     * instead of failing every scenario.
     *
     * @return why the gateway refused, or null when it did not (or there is no authentication)
     */
    public static String checkCredentials() {
        TargetConfig target = TargetConfig.current();
        if (target.missingBasics() != null || target.isMock()) {
            return null;
        }
        if (target.auth().equals("none")) {
            return authenticationRequired(target);
        }
        if (!target.auth().equals("token")) {
            return null;
        }
        try {
            TokenAuthFilter.forTarget(target.baseUrl(), target.appKey(), target.appSecret()).accessToken();
            return null;
        } catch (TokenAuthFilter.AuthenticationFailed refused) {
            return refused.getMessage();
        } catch (RuntimeException unreachable) {
            return "the token service at " + target.baseUrl() + " could not be reached: " + unreachable.getMessage();
        }
    }
}
