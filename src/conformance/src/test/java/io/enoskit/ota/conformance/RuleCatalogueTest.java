package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Each operation names the rules that guard it ({@code x-enos-guarded-by}, shown on the mock's docs page): every id
     * is a Gherkin {@code Rule:} of the features, and every catalogued rule guards at least one operation.
     */
    @Test
    void everyOperationNamesTheFeatureRulesThatGuardIt() {
        List<String> featureRules = FeatureRules.read(Path.of(System.getProperty("kit.root"), "features")).stream()
                .map(FeatureRules.GuardedRule::id).toList();
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
}
