package io.enoskit.ota.domain;

import java.util.List;

/**
 * A device the simulation knows (state file {@code devices}): the devices of a {@code total} scope, the
 * {@code fromVersion} of its tasks, and what it does when upgraded.
 *
 * <p>JSON shape: {@code {"orgId": String, "productKey": String, "deviceKey": String, "assetId": String|null,
 * "firmwareVersion": String|null, "outcomes": ["succeed"|"fail"|"stall", ...]|null, "failureDesc": String|null}}.
 *
 * @param orgId           the organization it belongs to
 * @param productKey      its product; a {@code total} scope takes the devices of the firmware's product
 * @param deviceKey       its key, unique in the organization
 * @param assetId         its asset id, echoed in its tasks (may be null)
 * @param firmwareVersion the version it runs now: the {@code fromVersion} of its tasks, and what
 *                        {@code upgradeScope.versionNumbers} selects on (null: no version known)
 * @param outcomes        what each attempt does, in order, the last one repeating; null or empty: the mock's
 *                        failure share decides ({@link Simulation#failureShare()})
 * @param failureDesc     the {@code desc} of its failed tasks (null: "upgrade failed")
 */
public record Device(String orgId, String productKey, String deviceKey, String assetId, String firmwareVersion,
                     List<DeviceOutcome> outcomes, String failureDesc) {

    public Device {
        Firmware.requireText(orgId, "orgId");
        Firmware.requireText(deviceKey, "deviceKey");
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** A device the state file does not list, named by a job's {@code deviceKeys}: it simply succeeds. */
    static Device unlisted(String orgId, String productKey, String deviceKey, String firmwareVersion) {
        return new Device(orgId, productKey, deviceKey, null, firmwareVersion, List.of(), null);
    }

    /** The outcome the state file gives this attempt (from 1), if any. */
    java.util.Optional<DeviceOutcome> outcome(int attempt) {
        return outcomes.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(outcomes.get(Math.min(attempt, outcomes.size()) - 1));
    }
}
