package io.enoskit.ota.domain;

import java.util.List;

/**
 * An application registered at the EnOS API gateway: its key and secret (gateway authentication, APIM token
 * service) and the organizations it may act in. JSON shape in the state file:
 * {@code {"appKey": String, "appSecret": String, "orgs": [String, ...]}}.
 *
 * @param orgs the organizations whose resources the app may use; null or absent for every organization
 */
public record GatewayApp(String appKey, String appSecret, List<String> orgs) {
    public GatewayApp {
        Firmware.requireText(appKey, "appKey");
        Firmware.requireText(appSecret, "appSecret");
        orgs = orgs == null ? null : List.copyOf(orgs);
    }

    /** An app of every organization. */
    public GatewayApp(String appKey, String appSecret) {
        this(appKey, appSecret, null);
    }

    /** True when the app may act in the organization. */
    public boolean mayUse(String orgId) {
        return orgs == null || orgs.contains(orgId);
    }
}
