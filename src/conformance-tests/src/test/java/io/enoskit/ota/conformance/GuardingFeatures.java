package io.enoskit.ota.conformance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which feature guards which rule of the catalogue, read from {@code features/}: a rule's feature is the one whose
 * {@code Rule:} names it, and a feature is selected by its first feature-level tag ({@code @search-ota-job}).
 */
final class GuardingFeatures {
    private static final Map<String, String> TAG_BY_RULE = read();

    private GuardingFeatures() {
    }

    /** A Cucumber tag expression selecting the features that guard the given rules. */
    static String of(Set<String> rules) {
        Set<String> tags = new TreeSet<>();
        for (String rule : rules) {
            String tag = TAG_BY_RULE.get(rule);
            if (tag == null) {
                throw new IllegalArgumentException("no feature guards rule " + rule);
            }
            tags.add(tag);
        }
        return String.join(" or ", tags);
    }

    private static Map<String, String> read() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (FeatureRules.GuardedRule rule : FeatureRules.read(Path.of(System.getProperty("kit.root"), "features"))) {
            if (rule.featureTags().isEmpty()) {
                throw new IllegalStateException(rule.feature().getFileName() + " guards " + rule.id()
                        + " but has no feature-level tag to select it by");
            }
            tags.put(rule.id(), rule.featureTags().get(0));
        }
        return tags;
    }
}
