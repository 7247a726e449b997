package io.enoskit.ota.mock;

import io.enoskit.ota.domain.GatewayApp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The mock's APIM token service state: the registered applications and the access tokens it issued.
 *
 * <p>Rules (APIM "Get Access Token"): a token lives {@value #LIFETIME_SECONDS} seconds; asking again before it
 * expires returns the same token; refresh issues a new one. A request's {@code timestamp} may be at most
 * {@value #MAX_CLOCK_SKEW_MILLIS} ms from the mock's clock (the window is inferred; the docs name no value).
 * Thread-safe: every method holds the lock of this object.
 */
final class GatewayTokens {
    /** Seconds an access token lives (documented: {@code expire} 7200). */
    static final long LIFETIME_SECONDS = 7200;
    /** The largest accepted distance between a request's timestamp and the mock's clock (inferred). */
    static final long MAX_CLOCK_SKEW_MILLIS = 5 * 60 * 1000;

    /** An issued token. */
    record Token(String accessToken, String appKey, long expiresAtMillis) {
    }

    private final Map<String, GatewayApp> apps = new HashMap<>();
    private final Map<String, Token> byAppKey = new HashMap<>();
    private final Map<String, Token> byToken = new HashMap<>();
    private final Clock clock;

    GatewayTokens(List<GatewayApp> apps, Clock clock) {
        apps.forEach(app -> this.apps.put(app.appKey(), app));
        this.clock = clock;
    }

    synchronized Optional<String> secretOf(String appKey) {
        return app(appKey).map(GatewayApp::appSecret);
    }

    /** The registered app with this key, if any. */
    synchronized Optional<GatewayApp> app(String appKey) {
        return Optional.ofNullable(apps.get(appKey));
    }

    /**
     * True when some registered app may act in the organization: what the EnOS Java client's unverifiable token is
     * allowed (it names no app the mock could read).
     */
    synchronized boolean someAppMayUse(String orgId) {
        return apps.values().stream().anyMatch(app -> app.mayUse(orgId));
    }

    /** The app's live token, or a new one; {@code renew} forces a new one (refresh). */
    synchronized Token issue(String appKey, boolean renew) {
        Token current = byAppKey.get(appKey);
        if (!renew && current != null && current.expiresAtMillis() > clock.millis()) {
            return current;
        }
        if (current != null) {
            byToken.remove(current.accessToken());
        }
        Token token = new Token(UUID.randomUUID().toString().replace("-", ""), appKey,
                clock.millis() + LIFETIME_SECONDS * 1000);
        byAppKey.put(appKey, token);
        byToken.put(token.accessToken(), token);
        return token;
    }

    /** The live token with this value, if any. */
    synchronized Optional<Token> live(String accessToken) {
        Token token = byToken.get(accessToken);
        return token != null && token.expiresAtMillis() > clock.millis() ? Optional.of(token) : Optional.empty();
    }

    /** Seconds a token has left. */
    long secondsLeft(Token token) {
        return Math.max(0, (token.expiresAtMillis() - clock.millis()) / 1000);
    }

    boolean fresh(long timestampMillis) {
        return Math.abs(clock.millis() - timestampMillis) <= MAX_CLOCK_SKEW_MILLIS;
    }
}
