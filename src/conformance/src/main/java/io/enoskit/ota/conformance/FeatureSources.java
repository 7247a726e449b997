package io.enoskit.ota.conformance;

import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.TestSourceParsed;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The features of a run as Cucumber parsed them (its {@link TestSourceParsed} events), and the one way to find where
 * a scenario sits in them: the nodes from its feature down to it, and the documented rule it guards, the Gherkin
 * {@code Rule:} it sits in, whose name starts with the rule's id ({@code Rule: CREATE-24610 the firmware ...}).
 * Safe to use from the threads of a parallel run.
 */
final class FeatureSources {
    private final Map<URI, Collection<Node>> sources = new ConcurrentHashMap<>();

    /** Keeps a feature's nodes, as a plugin's handler of {@link TestSourceParsed}. */
    void parsed(TestSourceParsed event) {
        sources.put(event.getUri(), event.getNodes());
    }

    /**
     * The nodes from the feature down to the scenario, outermost first (feature, rule if any, scenario or outline,
     * examples, example row).
     *
     * @param feature the scenario's feature file
     * @param line    the scenario's line (of its example row, for an outline)
     * @return empty when no scenario or example row of a parsed feature is at that line
     */
    List<Node> pathTo(URI feature, int line) {
        for (Node node : sources.getOrDefault(feature, List.of())) {
            Optional<List<Node>> path = node.findPathTo(candidate -> candidate.getLocation().getLine() == line
                    && (candidate instanceof Node.Scenario || candidate instanceof Node.Example));
            if (path.isPresent()) {
                return path.get();
            }
        }
        return List.of();
    }

    /**
     * The id of the rule the scenario at that line guards, as {@code CREATE-24610}; empty for a scenario outside a
     * {@code Rule:}, or in a feature this run did not see parsed.
     */
    Optional<String> ruleId(URI feature, int line) {
        return ruleId(pathTo(feature, line));
    }

    /** The id of the first {@code Rule:} on a path from {@link #pathTo}: the first word of its name. */
    static Optional<String> ruleId(List<Node> path) {
        return path.stream().filter(Node.Rule.class::isInstance).findFirst()
                .flatMap(Node::getName).map(name -> name.strip().split("\\s+", 2)[0]);
    }
}
