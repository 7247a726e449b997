package io.enoskit.ota.domain;

import io.enoskit.ota.model.AssetTreeSelector;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.UpgradeScopeInfo;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which devices an {@code upgradeScope} selects (reference notes §2.1; the struct's own table is not on the pages,
 * so how the selectors work is inferred from the vendor's samples and is documented in {@code spec/ota-jobs.yaml}).
 * The rules are given at {@link #select}.
 *
 * @param combination how a partial scope's conditions combine
 */
public record ScopeSelection(Combination combination) {

    /** How the conditions of a partial scope combine (profile setting {@code scope.combination}). */
    public enum Combination {
        /** A device meets every condition: each selector narrows the selection. */
        ALL,
        /** A device meets at least one condition: each selector adds devices. */
        ANY
    }

    /**
     * A scope, whatever generated model it came in: a create request's or a stored job's.
     *
     * @param total          whether {@code type} is {@code total}
     * @param deviceKeys     named devices (empty: not given)
     * @param versionNumbers versions the devices run now (empty: not given)
     * @param tags           tag key to accepted values (empty: not given)
     * @param attributes     attribute id to accepted values (empty: not given)
     * @param assetTrees     tree id to the node ids under which devices are taken (an empty list: the whole tree)
     */
    public record Scope(boolean total, List<String> deviceKeys, List<String> versionNumbers,
                        Map<String, List<String>> tags, Map<String, List<Object>> attributes,
                        Map<String, List<String>> assetTrees) {
        public Scope {
            deviceKeys = deviceKeys == null ? List.of() : List.copyOf(new LinkedHashSet<>(deviceKeys));
            versionNumbers = versionNumbers == null ? List.of() : List.copyOf(versionNumbers);
            tags = tags == null ? Map.of() : tags;
            attributes = attributes == null ? Map.of() : attributes;
            assetTrees = assetTrees == null ? Map.of() : assetTrees;
        }

        /** The scope of a spec-valid Create OTA Job body, upgrade or verification job. */
        public static Scope of(CreateOtaJobRequest request) {
            return switch (request) {
                case UpgradeJobRequest upgrade -> of(upgrade.getUpgradeScope());
                case VerificationJobRequest verification -> of(verification.getUpgradeScope());
                default -> throw new IllegalArgumentException("unknown job type " + request.getType());
            };
        }

        /** The scope of a Create OTA Job body. */
        public static Scope of(UpgradeScope scope) {
            Map<String, List<String>> trees = new LinkedHashMap<>();
            if (scope.getAssetTrees() != null) {
                for (AssetTreeSelector tree : scope.getAssetTrees()) {
                    trees.put(tree.getTreeId(), nodes(tree.getIncludedNotes()));
                }
            }
            return new Scope(scope.getType() == UpgradeScope.TypeEnum.TOTAL, scope.getDeviceKeys(),
                    scope.getVersionNumbers(), scope.getTags(), scope.getAttributes(), trees);
        }

        /** The scope of a stored job. */
        public static Scope of(Job.UpgradeScope scope) {
            Map<String, List<String>> trees = new LinkedHashMap<>();
            if (scope.assetTrees() != null) {
                for (Job.AssetTree tree : scope.assetTrees()) {
                    trees.put(tree.treeId(), nodes(tree.includedNotes()));
                }
            }
            return new Scope(scope.type() == UpgradeScopeInfo.TypeEnum.TOTAL, scope.deviceKeys(),
                    scope.versionNumbers(), scope.tags(), scope.attributes(), trees);
        }

        /** {@code includedNotes} as node ids: a text is one node, a list its texts; anything else none (whole tree). */
        private static List<String> nodes(Object includedNotes) {
            if (includedNotes instanceof String node) {
                return List.of(node);
            }
            if (includedNotes instanceof Collection<?> listed) {
                return listed.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
            return List.of();
        }
    }

    /**
     * The devices the scope selects in an org, each once: named devices in the order named, then the others in the
     * order the org got them.
     *
     * <ul>
     *   <li>{@code total}: every device of the firmware's product, narrowed by {@code versionNumbers} when given (the
     *       Get OTA Job sample shows a total scope with versions); the other selectors do not apply to it
     *       (inferred).</li>
     *   <li>{@code partial}: each selector given sets conditions: {@code deviceKeys} one (the device is named),
     *       {@code versionNumbers} one (the device runs one of them), {@code tags} one per tag key (the device's tag
     *       has one of the values), {@code attributes} one per attribute id (its value is one of the values, numbers
     *       compared by value), {@code assetTrees} one per tree (the device sits in the tree at or below one of the
     *       {@code includedNotes} node ids, or anywhere in it when {@code includedNotes} is not a list of node ids).
     *       With combination {@link Combination#ALL} (profile setting {@code scope.combination}) a device must meet
     *       every condition, with {@link Combination#ANY} one of them. A partial scope with no selector selects every
     *       device of the firmware's product.</li>
     * </ul>
     * Devices other than named ones come from the firmware's product. A named device the state does not list is
     * made up (it succeeds, runs the first of {@code versionNumbers}, and has no tags, attributes or placement).
     *
     * @param devices  the org's devices by key, in the order added
     * @param orgId    the org, for made-up devices
     * @param scope    the job's scope
     * @param firmware the job's firmware, or null when it has gone (then devices of every product are candidates)
     */
    public List<Device> select(Map<String, Device> devices, String orgId, Scope scope, Firmware firmware) {
        String productKey = firmware == null ? null : firmware.productKey();
        List<Device> ofProduct = devices.values().stream()
                .filter(device -> productKey == null || productKey.equals(device.productKey())).toList();
        List<Predicate<Device>> conditions = new ArrayList<>();
        if (!scope.versionNumbers().isEmpty()) {
            conditions.add(device -> scope.versionNumbers().contains(device.firmwareVersion()));
        }
        if (scope.total()) {
            return ofProduct.stream().filter(device -> conditions.stream().allMatch(c -> c.test(device))).toList();
        }
        scope.tags().forEach((key, values) -> conditions.add(device -> values != null
                && values.contains(device.tags().get(key))));
        scope.attributes().forEach((id, values) -> conditions.add(device -> device.hasAttribute(id, values)));
        scope.assetTrees().forEach((treeId, nodes) -> conditions.add(device -> device.placedUnder(treeId, nodes)));
        List<Device> named = new ArrayList<>();
        for (String deviceKey : scope.deviceKeys()) {
            Device known = devices.get(deviceKey);
            named.add(known != null ? known : Device.unlisted(orgId, productKey, deviceKey,
                    scope.versionNumbers().isEmpty() ? null : scope.versionNumbers().get(0)));
        }
        if (named.isEmpty() && conditions.isEmpty()) {
            return ofProduct;
        }
        Predicate<Device> meets = device -> combination == Combination.ALL
                ? conditions.stream().allMatch(c -> c.test(device))
                : conditions.stream().anyMatch(c -> c.test(device));
        if (combination == Combination.ALL) {
            return (named.isEmpty() ? ofProduct : named).stream().filter(meets).toList();
        }
        Map<String, Device> selected = new LinkedHashMap<>();
        named.forEach(device -> selected.put(device.deviceKey(), device));
        ofProduct.stream().filter(meets).forEach(device -> selected.putIfAbsent(device.deviceKey(), device));
        return List.copyOf(selected.values());
    }
}
