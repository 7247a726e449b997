package io.enoskit.ota.conformance;

/** What the {@code conform} command asks of the conformance package before it runs the features. */
public final class Conformance {
    private Conformance() {
    }

    /** What keeps the configured target from being run at all (missing settings), or null. */
    public static String unusableTarget() {
        return TargetConfig.current().missingBasics();
    }

    /**
     * Gets an access token when the target uses gateway authentication, so that refused credentials stop the run
     * with one message instead of failing every scenario.
     *
     * @return why the gateway refused, or null when it did not (or there is no authentication)
     */
    public static String checkCredentials() {
        TargetConfig target = TargetConfig.current();
        if (target.missingBasics() != null || !target.auth().equals("token")) {
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
