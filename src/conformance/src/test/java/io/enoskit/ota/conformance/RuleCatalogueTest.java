package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spec's catalogue of documented rules ({@code x-enos-rules}) and the features agree: every rule is guarded by a
 * Gherkin {@code Rule:} with at least one scenario, and every {@code Rule:} names a catalogued rule, once.
 */
class RuleCatalogueTest {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*Rule:\\s*(\\S+)\\s+(.+)$");
    private static final Pattern SCENARIO = Pattern.compile("(?m)^\\s*Scenario( Outline)?:");

    @Test
    void everyCataloguedRuleIsGuardedAndEveryFeatureRuleIsCatalogued() throws IOException {
        List<String> catalogued = OpenApiContract.allRules().stream().map(DocumentedRule::id).toList();
        List<String> guarded = new ArrayList<>();
        for (Path feature : features()) {
            String text = Files.readString(feature);
            Matcher rule = RULE.matcher(text);
            List<Integer> starts = new ArrayList<>();
            while (rule.find()) {
                guarded.add(rule.group(1));
                starts.add(rule.start());
            }
            starts.add(text.length());
            for (int i = 0; i + 1 < starts.size(); i++) {
                assertThat(SCENARIO.matcher(text.substring(starts.get(i), starts.get(i + 1))).find())
                        .as("a scenario under rule %s of %s", guarded.get(guarded.size() - starts.size() + 1 + i),
                                feature.getFileName()).isTrue();
            }
        }

        assertThat(catalogued).doesNotHaveDuplicates();
        assertThat(guarded).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(catalogued);
    }

    @Test
    void everyCataloguedRuleSaysWhatItIsAndWhereItComesFrom() {
        assertThat(OpenApiContract.allRules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
            assertThat(rule.rule()).isNotBlank().isNotEqualTo("null");
            assertThat(rule.source()).isNotBlank().isNotEqualTo("null");
        });
    }

    private static List<Path> features() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("kit.root"), "features"))) {
            return files.filter(file -> file.toString().endsWith(".feature")).sorted().toList();
        }
    }
}
