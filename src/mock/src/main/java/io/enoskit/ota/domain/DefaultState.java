package io.enoskit.ota.domain;

import java.util.List;

/**
 * What the mock holds on start and after a reset: the firmware per org and the default verification limit.
 *
 * <p>JSON shape (file {@code ota-state.json} in the mock's root dir):
 * {@code {"maxAllowedForVerification": Integer, "firmwares": [Firmware, ...], "apps": [GatewayApp, ...],
 * "devices": [Device, ...]}}.
 *
 * @param maxAllowedForVerification the most {@code deviceKeys} a verification job may name when its firmware
 *                                  sets no limit, a count (the EnOS console allows 5; inferred as the default)
 * @param firmwares                 the firmware that exists on start
 * @param apps                      the applications whose keys the mock's gateway authentication accepts
 * @param devices                   the devices the task simulation knows (a {@code total} scope's devices, each
 *                                  one's version and outcomes)
 */
public record DefaultState(int maxAllowedForVerification, List<Firmware> firmwares, List<GatewayApp> apps,
                           List<Device> devices) {
    /** The console's limit of devices for one verification, used when the state file names none. */
    public static final int CONSOLE_MAX_VERIFICATION_DEVICES = 5;

    public DefaultState {
        if (maxAllowedForVerification < 1) {
            throw new IllegalArgumentException(
                    "maxAllowedForVerification must be at least 1, was " + maxAllowedForVerification);
        }
        firmwares = firmwares == null ? List.of() : List.copyOf(firmwares);
        apps = apps == null ? List.of() : List.copyOf(apps);
        devices = devices == null ? List.of() : List.copyOf(devices);
        java.util.Set<String> deviceKeys = new java.util.HashSet<>();
        for (Device device : devices) {
            if (!deviceKeys.add(device.orgId() + "\n" + device.deviceKey())) {
                throw new IllegalArgumentException("device " + device.deviceKey() + " of org " + device.orgId()
                        + " is listed twice");
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Firmware firmware : firmwares) {
            if (!seen.add(firmware.orgId() + "\n" + firmware.firmwareId())) {
                throw new IllegalArgumentException("firmware " + firmware.firmwareId() + " of org " + firmware.orgId()
                        + " is listed twice");
            }
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (GatewayApp app : apps) {
            if (!keys.add(app.appKey())) {
                throw new IllegalArgumentException("app key " + app.appKey() + " is listed twice");
            }
        }
    }

    /** A state without gateway applications. */
    public DefaultState(int maxAllowedForVerification, List<Firmware> firmwares) {
        this(maxAllowedForVerification, firmwares, List.of(), List.of());
    }

    /** A state without devices. */
    public DefaultState(int maxAllowedForVerification, List<Firmware> firmwares, List<GatewayApp> apps) {
        this(maxAllowedForVerification, firmwares, apps, List.of());
    }

    /** A state with no firmware and the console's limit. */
    public static DefaultState empty() {
        return new DefaultState(CONSOLE_MAX_VERIFICATION_DEVICES, List.of(), List.of(), List.of());
    }
}
