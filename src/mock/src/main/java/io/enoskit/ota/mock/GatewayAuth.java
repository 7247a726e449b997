package io.enoskit.ota.mock;

/** How the mock authenticates API calls, as an EnOS API gateway does (the APIM token service is always served). */
public enum GatewayAuth {
    /** No credentials needed. */
    OFF,
    /**
     * Every API call needs an access token the mock's token service issued, a fresh {@code apim-timestamp} and a
     * matching {@code apim-signature}. All of it is verified.
     */
    REQUIRED,
    /**
     * As {@link #REQUIRED}, and calls of the official EnOS Java client (Poseidon) are let through too. That client
     * builds its token with the gateway's private keys, which no mock has: its token is accepted by its shape
     * alone (base64 of 256 bytes, or 64 hex characters, with no signature), so a made-up token of that shape
     * passes. Use it only to run the real client against the mock.
     */
    ENOS_CLIENT
}
