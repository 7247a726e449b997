package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Gherkin's parser reads that the regular expressions before it got wrong or could not tell. */
class FeatureRulesTest {
    @TempDir
    Path folder;

    @Test
    void readsRulesTheirTagsAndScenariosNotTextInDocStringsOrComments() throws IOException {
        Files.writeString(folder.resolve("b.feature"), """
                # a comment first, then the feature's tags on two lines
                @create-ota-job
                @writes
                Feature: Create
                  Rule: CREATE-24610 an unverified firmware is refused
                    Scenario: refused
                      Given a request
                        \"\"\"
                        Rule: NOT-A-RULE inside a doc string
                        \"\"\"
                    Scenario Outline: per <x>
                      Given a request
                      Examples:
                        | x |
                        | 1 |
                  # Rule: COMMENTED-OUT
                  Rule: CREATE-EMPTY a rule nobody wrote a scenario for
                """);
        Files.writeString(folder.resolve("a.txt"), "Rule: NOT-A-FEATURE-FILE");

        List<FeatureRules.GuardedRule> rules = FeatureRules.read(folder);

        assertThat(rules).extracting(FeatureRules.GuardedRule::id).containsExactly("CREATE-24610", "CREATE-EMPTY");
        assertThat(rules.get(0).title()).isEqualTo("an unverified firmware is refused");
        assertThat(rules.get(0).featureTags()).containsExactly("@create-ota-job", "@writes");
        assertThat(rules.get(0).scenarios()).containsExactly("refused", "per <x>");
        assertThat(rules.get(1).scenarios()).isEmpty();
    }

    @Test
    void aFeatureThatDoesNotParseIsNamed() throws IOException {
        Files.writeString(folder.resolve("broken.feature"), "Feature: x\n  Rule: R-1 r\n    Scenario: s\n      Given a\n      \"\"\"\n      a doc string never closed\n");

        assertThatThrownBy(() -> FeatureRules.read(folder)).hasMessageStartingWith("broken.feature: ")
                .hasMessageContaining("(7:");
    }
}
