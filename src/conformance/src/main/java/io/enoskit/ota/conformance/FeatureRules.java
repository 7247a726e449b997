package io.enoskit.ota.conformance;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Gherkin {@code Rule:} blocks of a features folder, read with Cucumber's own Gherkin parser: each rule's id (the
 * first word of its name, as {@code CREATE-24610}), the rest of its name, the feature file and that feature's tags,
 * and the names of the scenarios under it. A feature that does not parse is an error naming the file and the line.
 */
public final class FeatureRules {
    private static final GherkinParser GHERKIN = GherkinParser.builder().includeSource(false).includePickles(false)
            .build();

    private FeatureRules() {
    }

    /**
     * One guarded rule.
     *
     * @param id          the catalogue's rule id, e.g. {@code CREATE-24610}
     * @param title       the rest of the rule's name
     * @param feature     the file it is in
     * @param featureTags the feature-level tags, with their {@code @}, in source order
     * @param scenarios   the names of its scenarios and scenario outlines, in source order
     */
    public record GuardedRule(String id, String title, Path feature, List<String> featureTags,
                              List<String> scenarios) {
    }

    /** Every {@code Rule:} of the {@code *.feature} files of {@code folder}, files in name order. */
    public static List<GuardedRule> read(Path folder) {
        List<GuardedRule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                Feature feature = parse(file);
                List<String> tags = feature.getTags().stream().map(Tag::getName).toList();
                for (FeatureChild child : feature.getChildren()) {
                    child.getRule().ifPresent(rule -> rules.add(guarded(rule, file, tags)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private static GuardedRule guarded(Rule rule, Path file, List<String> tags) {
        String name = rule.getName().strip();
        int space = name.indexOf(' ');
        List<String> scenarios = rule.getChildren().stream().map(RuleChild::getScenario)
                .flatMap(Optional::stream).map(Scenario::getName).toList();
        return new GuardedRule(space < 0 ? name : name.substring(0, space),
                space < 0 ? "" : name.substring(space + 1).strip(), file, tags, scenarios);
    }

    private static Feature parse(Path file) throws IOException {
        List<Envelope> envelopes = GHERKIN.parse(file).toList();
        for (Envelope envelope : envelopes) {
            if (envelope.getParseError().isPresent()) {
                throw new IllegalStateException(file.getFileName() + ": " + envelope.getParseError().get().getMessage());
            }
        }
        return envelopes.stream().map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .map(GherkinDocument::getFeature).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException(file.getFileName() + " holds no feature"));
    }
}
