package io.enoskit.ota.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device the simulation knows (state file {@code devices}): what an {@code upgradeScope} selects from, the
 * {@code fromVersion} of its tasks, and what it does when upgraded. A value that breaks a rule of a component is
 * refused with an {@link IllegalArgumentException} naming the field.
 *
 * @param orgId           the organization it belongs to
 * @param productKey      its product; a {@code total} scope takes the devices of the firmware's product
 * @param deviceKey       its key, unique in the organization
 * @param assetId         its asset id, echoed in its tasks (may be null)
 * @param firmwareVersion the version it runs now: the {@code fromVersion} of its tasks, and what
 *                        {@code upgradeScope.versionNumbers} selects on (null: no version known)
 * @param outcomes        {@code ["succeed"|"fail"|"stall", ...]}: what each attempt does, in order, the last one
 *                        repeating; null or empty: the mock's failure share decides ({@link Simulation#failureShare()})
 * @param failureDesc     the {@code desc} of its failed tasks (null: "upgrade failed")
 * @param tags            {@code {tagKey: String}}, what {@code upgradeScope.tags} selects on (empty: none), within
 *                        the "Limitations" page's limits ({@link #MAX_TAGS} and the key and value lengths)
 * @param attributes      {@code {attrId: String|Number|Boolean}}, one scalar each, what
 *                        {@code upgradeScope.attributes} selects on
 * @param assetTrees      {@code {treeId: [nodeId, ...]}}: where it sits in asset trees, the node path from the
 *                        tree's root to the node it hangs under (inferred: the pages do not show how a device hangs
 *                        in a tree), what {@code upgradeScope.assetTrees} selects on
 */
public record Device(String orgId, String productKey, String deviceKey, String assetId, String firmwareVersion,
                     List<DeviceOutcome> outcomes, String failureDesc, Map<String, String> tags,
                     Map<String, Object> attributes, Map<String, List<String>> assetTrees) {
    /** Tags a device may carry at most (Limitations page: 100 tags per device). */
    public static final int MAX_TAGS = 100;
    /** Longest tag key, in characters (Limitations page). */
    public static final int MAX_TAG_KEY_LENGTH = 50;
    /** Longest tag value, in characters (Limitations page). */
    public static final int MAX_TAG_VALUE_LENGTH = 200;
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_/-]+");

    public Device {
        Firmware.requireText(orgId, "orgId");
        Firmware.requireText(deviceKey, "deviceKey");
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        tags = checkedTags(tags);
        attributes = checkedAttributes(attributes);
        assetTrees = checkedAssetTrees(assetTrees);
    }

    /** A device without tags, attributes or asset-tree placement. */
    public Device(String orgId, String productKey, String deviceKey, String assetId, String firmwareVersion,
                  List<DeviceOutcome> outcomes, String failureDesc) {
        this(orgId, productKey, deviceKey, assetId, firmwareVersion, outcomes, failureDesc, null, null, null);
    }

    /** A device the state file does not list, named by a job's {@code deviceKeys}: it simply succeeds. */
    static Device unlisted(String orgId, String productKey, String deviceKey, String firmwareVersion) {
        return new Device(orgId, productKey, deviceKey, null, firmwareVersion, List.of(), null);
    }

    /** The same device running {@code version} (after a task of it succeeded). */
    Device runningVersion(String version) {
        return new Device(orgId, productKey, deviceKey, assetId, version, outcomes, failureDesc, tags, attributes,
                assetTrees);
    }

    /** The outcome the state file gives this attempt (from 1), if any. */
    Optional<DeviceOutcome> outcome(int attempt) {
        return outcomes.isEmpty() ? Optional.empty()
                : Optional.of(outcomes.get(Math.min(attempt, outcomes.size()) - 1));
    }

    /**
     * Whether its attribute {@code attributeId} equals one of {@code accepted}: numbers by value ({@code 100} equals
     * {@code 100.0}), text and booleans exactly.
     */
    boolean hasAttribute(String attributeId, List<?> accepted) {
        Object own = attributes.get(attributeId);
        return own != null && accepted != null && accepted.stream().anyMatch(value -> sameScalar(own, value));
    }

    /** Whether it sits in tree {@code treeId} at or below one of {@code nodes}; any node of the tree when empty. */
    boolean placedUnder(String treeId, List<String> nodes) {
        List<String> path = assetTrees.get(treeId);
        return path != null && (nodes.isEmpty() || path.stream().anyMatch(nodes::contains));
    }

    private static boolean sameScalar(Object own, Object value) {
        if (own instanceof Number number && value instanceof Number other) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(other.toString())) == 0;
        }
        return own.equals(value);
    }

    /**
     * The "Limitations" page's tag rules (reference notes §4): at most {@value #MAX_TAGS} per device, a key of
     * letters, digits, {@code _}, {@code -} and {@code /} up to {@value #MAX_TAG_KEY_LENGTH} characters, a value up to
     * {@value #MAX_TAG_VALUE_LENGTH} characters without leading or trailing whitespace.
     */
    private static Map<String, String> checkedTags(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("tags: at most " + MAX_TAGS + " tags per device, got " + tags.size());
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key == null || key.length() > MAX_TAG_KEY_LENGTH || !TAG_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("tags: key '" + key + "' must be 1 to " + MAX_TAG_KEY_LENGTH
                        + " letters, digits, '_', '-' or '/'");
            }
            String value = tag.getValue();
            if (value == null || value.length() > MAX_TAG_VALUE_LENGTH || !value.equals(value.strip())) {
                throw new IllegalArgumentException("tags." + key + ": the value must be text of at most "
                        + MAX_TAG_VALUE_LENGTH + " characters without leading or trailing whitespace");
            }
        }
        return unmodifiable(tags);
    }

    private static Map<String, Object> checkedAttributes(Map<String, Object> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (attribute.getKey() == null || attribute.getKey().isBlank()) {
                throw new IllegalArgumentException("attributes: an attribute id must not be blank");
            }
            Object value = attribute.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("attributes." + attribute.getKey()
                        + ": the value must be a string, a number or a boolean");
            }
            // one number type, so a device read back from the state file equals the one written
            copy.put(attribute.getKey(), value instanceof Number number ? new BigDecimal(number.toString()) : value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, List<String>> checkedAssetTrees(Map<String, List<String>> assetTrees) {
        if (assetTrees == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> tree : assetTrees.entrySet()) {
            if (tree.getKey() == null || tree.getKey().isBlank()) {
                throw new IllegalArgumentException("assetTrees: a tree id must not be blank");
            }
            List<String> path = tree.getValue();
            if (path == null || path.isEmpty() || path.stream().anyMatch(node -> node == null || node.isBlank())) {
                throw new IllegalArgumentException("assetTrees." + tree.getKey()
                        + ": the placement must be a non-empty list of node ids from the root, none blank");
            }
            copy.put(tree.getKey(), List.copyOf(path));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
