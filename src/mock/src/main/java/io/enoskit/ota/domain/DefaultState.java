package io.enoskit.ota.domain;

import com.fasterxml.jackson.databind.node.IntNode;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingSource;
import io.enoskit.ota.profile.SettingValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the mock holds on start and after a reset: the firmware, devices and gateway apps per org.
 *
 * <p>JSON shape (file {@code ota-state.json} in the mock's root dir):
 * {@code {"maxAllowedForVerification": Integer (optional), "firmwares": [Firmware, ...], "apps": [GatewayApp, ...],
 * "devices": [Device, ...]}}.
 *
 * @param maxAllowedForVerification the limit when a firmware sets none, a count, or null (the profile's); a root
 *                                  dir's older way of setting {@code verification.defaultLimit}
 * @param firmwares                 the firmware that exists on start
 * @param apps                      the applications whose keys the mock's gateway authentication accepts
 * @param devices                   the devices the task simulation knows (a {@code total} scope's devices, each
 *                                  one's version and outcomes)
 */
public record DefaultState(Integer maxAllowedForVerification, List<Firmware> firmwares, List<GatewayApp> apps,
                           List<Device> devices) {
    /** The console's limit of devices for one verification, used when the state file names none. */
    public static final int CONSOLE_MAX_VERIFICATION_DEVICES = 5;

    public DefaultState {
        if (maxAllowedForVerification != null && maxAllowedForVerification < 1) {
            throw new IllegalArgumentException(
                    "maxAllowedForVerification must be at least 1, was " + maxAllowedForVerification);
        }
        firmwares = firmwares == null ? List.of() : List.copyOf(firmwares);
        apps = apps == null ? List.of() : List.copyOf(apps);
        devices = devices == null ? List.of() : List.copyOf(devices);
        Set<String> deviceKeys = new HashSet<>();
        for (Device device : devices) {
            if (!deviceKeys.add(device.orgId() + "\n" + device.deviceKey())) {
                throw new IllegalArgumentException("device " + device.deviceKey() + " of org " + device.orgId()
                        + " is listed twice");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Firmware firmware : firmwares) {
            if (!seen.add(firmware.orgId() + "\n" + firmware.firmwareId())) {
                throw new IllegalArgumentException("firmware " + firmware.firmwareId() + " of org " + firmware.orgId()
                        + " is listed twice");
            }
        }
        Set<String> keys = new HashSet<>();
        for (GatewayApp app : apps) {
            if (!keys.add(app.appKey())) {
                throw new IllegalArgumentException("app key " + app.appKey() + " is listed twice");
            }
        }
    }

    /** A state without gateway applications. */
    public DefaultState(Integer maxAllowedForVerification, List<Firmware> firmwares) {
        this(maxAllowedForVerification, firmwares, List.of(), List.of());
    }

    /** A state without devices. */
    public DefaultState(Integer maxAllowedForVerification, List<Firmware> firmwares, List<GatewayApp> apps) {
        this(maxAllowedForVerification, firmwares, apps, List.of());
    }

    /** A state with no firmware; the verification limit is the profile's. */
    public static DefaultState empty() {
        return new DefaultState(null, List.of(), List.of(), List.of());
    }

    /**
     * The profile the mock follows with this state: {@code profile} itself, or, when this state sets
     * {@code maxAllowedForVerification} and no layer above the built-in default sets
     * {@code verification.defaultLimit}, {@code profile} with the state's value for it (origin {@code origin}).
     * The verification limit behind 24612 is the firmware's own {@code maxAllowedForVerification}, else that
     * setting; the state file's top-level value is kept for root dirs written before profiles (the kit's own state
     * file leaves it out).
     *
     * @param origin the state file, as {@code /__admin/ota/profile} names the layer
     */
    public BehaviourProfile applyTo(BehaviourProfile profile, String origin) {
        if (maxAllowedForVerification == null
                || !BehaviourProfile.DEFAULT.equals(profile.value(Setting.VERIFICATION_LIMIT).origin())) {
            return profile;
        }
        SettingValue limit = new SettingValue(Setting.VERIFICATION_LIMIT,
                IntNode.valueOf(maxAllowedForVerification),
                SettingSource.inferred("the root dir's state file sets maxAllowedForVerification, which stands for"
                        + " verification.defaultLimit when no profile sets it"), origin);
        return profile.with(ProfileLayer.of(origin, "the state file's maxAllowedForVerification", List.of(limit)));
    }
}
