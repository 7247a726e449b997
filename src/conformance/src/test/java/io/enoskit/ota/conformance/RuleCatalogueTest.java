package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's catalogue of documented rules ({@code x-enos-rules}) and the features agree: every rule is guarded by a
 * Gherkin {@code Rule:} with at least one scenario, and every {@code Rule:} names a catalogued rule, once.
 */
class RuleCatalogueTest {
    @Test
    void everyCataloguedRuleIsGuardedAndEveryFeatureRuleIsCatalogued() {
        List<String> catalogued = OpenApiContract.allRules().stream().map(DocumentedRule::id).toList();
        List<FeatureRules.GuardedRule> rules = FeatureRules.read(Path.of(System.getProperty("kit.root"), "features"));

        assertThat(rules).allSatisfy(rule -> assertThat(rule.scenarios())
                .as("the scenarios under rule %s of %s", rule.id(), rule.feature().getFileName()).isNotEmpty());
        assertThat(catalogued).doesNotHaveDuplicates();
        assertThat(rules.stream().map(FeatureRules.GuardedRule::id).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(catalogued);
    }

    @Test
    void everyCataloguedRuleSaysWhatItIsAndWhereItComesFrom() {
        assertThat(OpenApiContract.allRules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
            assertThat(rule.rule()).isNotBlank().isNotEqualTo("null");
            assertThat(rule.source()).isNotBlank().isNotEqualTo("null");
        });
    }
}
