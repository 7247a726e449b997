package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.TestSourceParsed;
import io.enoskit.ota.contract.DocumentedRule;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where a scenario sits in a hand-built feature, as Cucumber's nodes would give it:
 * <pre>
 *  1 Feature: Create OTA Job
 *  3   Scenario: outside any rule
 *  5   Rule: CREATE-24404   an unknown firmware is refused
 *  7     Scenario: unknown firmware
 *  9     Scenario Outline: unknown firmware ids
 * 11       Examples:
 * 13         | row one |
 * 14         | row two |
 * </pre>
 */
class FeatureSourcesTest {
    private static final URI FEATURE = URI.create("classpath:io/enoskit/ota/features/create.feature");
    private static final TestSourceParsed PARSED = new TestSourceParsed(Instant.EPOCH, FEATURE, List.of(
            new Feature(1, "Create OTA Job", List.of(
                    new Scenario(3, "outside any rule"),
                    new Rule(5, "  CREATE-24404   an unknown firmware is refused", List.of(
                            new Scenario(7, "unknown firmware"),
                            new Outline(9, "unknown firmware ids", List.of(new Examples(11, List.of(
                                    new Example(13, "row one"), new Example(14, "row two")))))))))));

    private static FeatureSources sources() {
        FeatureSources sources = new FeatureSources();
        sources.parsed(PARSED);
        return sources;
    }

    @Test
    void aScenarioInARuleHasTheRulesFirstWordAsItsId() {
        FeatureSources sources = sources();

        assertThat(sources.pathTo(FEATURE, 7)).extracting(node -> node.getName().orElseThrow())
                .containsExactly("Create OTA Job", "  CREATE-24404   an unknown firmware is refused",
                        "unknown firmware");
        assertThat(sources.ruleId(FEATURE, 7)).contains("CREATE-24404");
    }

    @Test
    void anExampleRowOfAnOutlineInARuleHasTheRulesId() {
        assertThat(sources().pathTo(FEATURE, 14)).hasSize(5).last().isInstanceOf(Node.Example.class);
        assertThat(sources().ruleId(FEATURE, 13)).contains("CREATE-24404");
    }

    @Test
    void aScenarioOutsideAnyRuleHasNone() {
        assertThat(sources().pathTo(FEATURE, 3)).extracting(node -> node.getName().orElseThrow())
                .containsExactly("Create OTA Job", "outside any rule");
        assertThat(sources().ruleId(FEATURE, 3)).isEmpty();
    }

    @Test
    void aLineThatIsNoScenarioOrAnUnseenFeatureHasNoPath() {
        FeatureSources sources = sources();

        assertThat(sources.pathTo(FEATURE, 5)).isEmpty();
        assertThat(sources.pathTo(FEATURE, 11)).isEmpty();
        assertThat(sources.ruleId(FEATURE, 9)).isEmpty();
        assertThat(sources.pathTo(URI.create("classpath:other.feature"), 7)).isEmpty();
        assertThat(new FeatureSources().ruleId(FEATURE, 7)).isEmpty();
    }

    @Test
    void theRunFindsTheDocumentedRuleOfTheCatalogueThroughTheSameSources() {
        ConformanceRun run = new ConformanceRun(TargetConfig.inProcessMock());
        run.setEventPublisher(new EventPublisher() {
            @Override
            public <T> void registerHandlerFor(Class<T> eventType, EventHandler<T> handler) {
                if (eventType == TestSourceParsed.class) {
                    handler.receive(eventType.cast(PARSED));
                }
            }

            @Override
            public <T> void removeHandlerFor(Class<T> eventType, EventHandler<T> handler) {
            }
        });

        assertThat(run.ruleOf(FEATURE, 13)).map(DocumentedRule::id).contains("CREATE-24404");
        assertThat(run.ruleOf(FEATURE, 3)).isEmpty();
    }

    private record Feature(int line, String name, List<Node> elements) implements Node.Feature, Named {
    }

    private record Rule(int line, String name, List<Node> elements) implements Node.Rule, Named {
    }

    private record Scenario(int line, String name) implements Node.Scenario, Named {
    }

    private record Outline(int line, String name, List<Node.Examples> elements)
            implements Node.ScenarioOutline, Named {
    }

    private record Examples(int line, List<Node.Example> elements) implements Node.Examples, Named {
        @Override
        public String name() {
            return null;
        }
    }

    private record Example(int line, String name) implements Node.Example, Named {
    }

    /** What every node here has: a line and maybe a name; no keyword or parent (the lookups use neither). */
    private interface Named extends Node {
        int line();

        String name();

        @Override
        default Location getLocation() {
            return new Location(line(), 1);
        }

        @Override
        default Optional<String> getKeyword() {
            return Optional.empty();
        }

        @Override
        default Optional<String> getName() {
            return Optional.ofNullable(name());
        }

        @Override
        default Optional<Node> getParent() {
            return Optional.empty();
        }
    }
}
