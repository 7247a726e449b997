package io.enoskit.ota.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which feature guards which rule of the catalogue, read from {@code features/}: a rule's feature is the one whose
 * {@code Rule:} names it, and a feature is selected by its first feature-level tag ({@code @search-ota-job}).
 */
final class GuardingFeatures {
    private static final Pattern FEATURE_TAG = Pattern.compile("\\A(?:\\s*#[^\\n]*\\n)*\\s*(@[\\w-]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*Rule:\\s*(\\S+)");
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
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("kit.root"), "features"))) {
            for (Path feature : files.filter(file -> file.toString().endsWith(".feature")).sorted()
                    .collect(Collectors.toList())) {
                String text = Files.readString(feature);
                Matcher tag = FEATURE_TAG.matcher(text);
                Matcher rule = RULE.matcher(text);
                while (rule.find()) {
                    if (!tag.find(0)) {
                        throw new IllegalStateException(feature.getFileName() + " guards " + rule.group(1)
                                + " but has no feature-level tag to select it by");
                    }
                    tags.put(rule.group(1), tag.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tags;
    }
}
