package io.enoskit.ota.domain;

/**
 * An application registered at the EnOS API gateway: its key and secret (gateway authentication, APIM token
 * service). JSON shape in the state file: {@code {"appKey": String, "appSecret": String}}.
 */
public record GatewayApp(String appKey, String appSecret) {
    public GatewayApp {
        Firmware.requireText(appKey, "appKey");
        Firmware.requireText(appSecret, "appSecret");
    }
}
