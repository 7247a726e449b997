package io.enoskit.ota.domain;

import io.enoskit.ota.model.DeviceFirmware;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The devices the simulation knows, per organization: what job scopes select, and what Search Device Upgrade
 * answers. Device records are immutable; a task that succeeds replaces its device. Not thread-safe: the store calls
 * it under its lock.
 */
final class DeviceRegistry {
    private final StoreState state;

    DeviceRegistry(StoreState state) {
        this.state = state;
    }

    /** Adds a device, or replaces the one with the same org and key; jobs started later see it. */
    void put(Device device) {
        state.orCreate(device.orgId()).devices.put(device.deviceKey(), device);
        state.changed();
    }

    /** The org's devices, in the order added. */
    List<Device> devices(Org org) {
        return org == null ? List.of() : List.copyOf(org.devices.values());
    }

    /**
     * Search Device Upgrade: the org's devices that match, one page, in the order the org got them (inferred), each
     * as a new DeviceFirmware with the version it runs now and whether it is being upgraded ({@code isUpgrading},
     * inferred).
     *
     * @param upgrading the org's devices with a task published or upgrading in a started job
     */
    Page<DeviceFirmware> searchUpgrades(Org org, String orgId, Set<String> upgrading, SearchExpression expression,
                                        int pageNo, int pageSize) {
        List<DeviceFirmware> matches = new ArrayList<>();
        for (Device device : org.devices.values()) {
            DeviceFirmware view = new DeviceFirmware().orgId(orgId).assetId(device.assetId())
                    .productKey(device.productKey()).deviceKey(device.deviceKey())
                    .firmwareVersion(device.firmwareVersion()).isUpgrading(upgrading.contains(device.deviceKey()));
            if (expression.matches(SearchFields.DEVICE_UPGRADE.valuesOf(view))) {
                matches.add(view);
            }
        }
        return Page.of(matches, pageNo, pageSize);
    }
}
