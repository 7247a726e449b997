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

    /**
     * Each operation names the rules that guard it ({@code x-enos-guarded-by}, shown on the mock's docs page): every id
     * is a Gherkin {@code Rule:} of the features, and every catalogued rule guards at least one operation.
     */
    @Test
    void everyOperationNamesTheFeatureRulesThatGuardIt() throws IOException {
        List<String> featureRules = new ArrayList<>();
        for (Path feature : features()) {
            Matcher rule = RULE.matcher(Files.readString(feature));
            while (rule.find()) {
                featureRules.add(rule.group(1));
            }
        }
        List<String> guarding = new ArrayList<>();
        for (String document : OpenApiContract.DOCUMENTS) {
            OpenApiContract.load(document).openApi().getPaths().values().forEach(item -> item.readOperations()
                    .forEach(operation -> {
                        Object listed = operation.getExtensions() == null ? null
                                : operation.getExtensions().get("x-enos-guarded-by");
                        assertThat(listed).as("x-enos-guarded-by of %s", operation.getOperationId())
                                .isInstanceOf(List.class);
                        ((List<?>) listed).forEach(id -> guarding.add(String.valueOf(id)));
                    }));
        }

        assertThat(featureRules).containsAll(guarding);
        assertThat(guarding).containsAll(OpenApiContract.allRules().stream().map(DocumentedRule::id).toList());
    }

    private static List<Path> features() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("kit.root"), "features"))) {
            return files.filter(file -> file.toString().endsWith(".feature")).sorted().toList();
        }
    }
}
