package io.enoskit.ota.conformance;

import io.cucumber.plugin.event.Status;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.profile.EnosVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The conformance index of a run, worked out once from its scenario outcomes and the rule catalogue (the spec's
 * {@code x-enos-rules}): which documented rules the run exercised, passed, failed or skipped, the counts per
 * feature, the skip reasons, the failures, the kit's errors and the observations. No I/O and nothing changes after
 * construction; {@link ConformanceSummary} renders it as text.
 * <p>
 * A rule of a later EnOS release than the one checked is not applicable and counts nowhere else. An applicable rule
 * failed when any of its scenarios failed or errored, else passed when one passed, else was skipped (every scenario
 * skipped); with no scenario in the run it was not selected.
 */
final class ConformanceIndex {
    /**
     * Scenarios of one feature (or of all) by outcome.
     *
     * @param passed  scenarios that passed
     * @param failed  scenarios that failed or errored
     * @param skipped the rest (skipped, or not run)
     */
    record Counts(int passed, int failed, int skipped) {
        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(ScenarioOutcome outcome) {
            if (outcome.broke()) {
                return new Counts(passed, failed + 1, skipped);
            }
            return outcome.status() == Status.PASSED ? new Counts(passed + 1, failed, skipped)
                    : new Counts(passed, failed, skipped + 1);
        }
    }

    private final EnosVersion release;
    private final List<ScenarioOutcome> outcomes;
    private final int applicable;
    private final int exercised;
    private final List<String> passedRules;
    private final List<String> failedRules;
    private final List<String> skippedRules;
    private final List<String> notSelected;
    private final List<DocumentedRule> notApplicable;
    private final Map<String, Counts> features;
    private final Counts total;
    private final Map<String, Integer> skipReasons;
    private final Map<String, List<String>> observations;

    /**
     * @param outcomes  the run's scenarios, in the order they finished
     * @param catalogue the documented rules, in the spec's order (the order of the rule lists)
     * @param release   the EnOS release checked
     */
    ConformanceIndex(List<ScenarioOutcome> outcomes, List<DocumentedRule> catalogue, EnosVersion release) {
        this.release = release;
        this.outcomes = List.copyOf(outcomes);
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unselected = new ArrayList<>();
        List<DocumentedRule> later = new ArrayList<>();
        for (DocumentedRule rule : catalogue) {
            List<ScenarioOutcome> ofRule = this.outcomes.stream().filter(o -> o.rule().equals(rule.id())).toList();
            if (!release.has(rule.since())) {
                later.add(rule);
            } else if (ofRule.isEmpty()) {
                unselected.add(rule.id());
            } else if (ofRule.stream().anyMatch(ScenarioOutcome::broke)) {
                failed.add(rule.id());
            } else if (ofRule.stream().anyMatch(o -> o.status() == Status.PASSED)) {
                passed.add(rule.id());
            } else {
                skipped.add(rule.id());
            }
        }
        this.exercised = passed.size() + failed.size();
        // a scenario outside any Rule: that fails is named itself, after the rules
        this.outcomes.stream().filter(o -> o.broke() && o.rule().isEmpty()).map(ScenarioOutcome::scenario)
                .forEach(failed::add);
        this.applicable = catalogue.size() - later.size();
        this.passedRules = List.copyOf(passed);
        this.failedRules = List.copyOf(failed);
        this.skippedRules = List.copyOf(skipped);
        this.notSelected = List.copyOf(unselected);
        this.notApplicable = List.copyOf(later);

        Map<String, Counts> byFeature = new LinkedHashMap<>();
        Counts all = Counts.NONE;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (ScenarioOutcome outcome : this.outcomes) {
            byFeature.merge(outcome.feature(), Counts.NONE.plus(outcome), (a, b) -> a.plus(outcome));
            all = all.plus(outcome);
            // the rules of a later release are listed as not applicable, not as skips
            if (outcome.status() == Status.SKIPPED && !outcome.reason().isEmpty()
                    && !outcome.reason().startsWith(Hooks.NOT_APPLICABLE)) {
                reasons.merge(outcome.reason(), 1, Integer::sum);
            }
            String seenIn = (outcome.rule().isEmpty() ? "" : outcome.rule() + " ") + outcome.scenario();
            new LinkedHashSet<>(outcome.observations())
                    .forEach(note -> notes.computeIfAbsent(note, n -> new ArrayList<>()).add(seenIn));
        }
        this.features = Collections.unmodifiableMap(byFeature);
        this.total = all;
        this.skipReasons = Collections.unmodifiableMap(reasons);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        notes.forEach((note, scenarios) -> frozen.put(note, List.copyOf(scenarios)));
        this.observations = Collections.unmodifiableMap(frozen);
    }

    /** The EnOS release checked. */
    EnosVersion release() {
        return release;
    }

    /** How many scenarios ran (or were skipped); 0 when the selection matched none. */
    int scenarios() {
        return outcomes.size();
    }

    /** The run's scenarios, in the order they finished. */
    List<ScenarioOutcome> outcomes() {
        return outcomes;
    }

    /** How many documented rules apply to the release checked. */
    int applicableRules() {
        return applicable;
    }

    /** How many applicable rules the run exercised: passed or failed (not skipped, not unselected). */
    int exercisedRules() {
        return exercised;
    }

    /** The ids of the applicable rules every exercised scenario of which passed, in catalogue order. */
    List<String> passedRules() {
        return passedRules;
    }

    /**
     * The ids of the applicable rules a scenario of which failed or errored, in catalogue order, then the names of the
     * failed scenarios that sit in no rule.
     */
    List<String> failedRules() {
        return failedRules;
    }

    /** The ids of the applicable rules whose scenarios were all skipped. */
    List<String> skippedRules() {
        return skippedRules;
    }

    /** The ids of the applicable rules no scenario of the run guards (left out by the tag expression). */
    List<String> notSelectedRules() {
        return notSelected;
    }

    /** The rules of a later EnOS release than the one checked. */
    List<DocumentedRule> notApplicableRules() {
        return notApplicable;
    }

    /** Scenarios per feature name, in the order the features first finished a scenario. */
    Map<String, Counts> features() {
        return features;
    }

    /** Scenarios of all features. */
    Counts total() {
        return total;
    }

    /** Each skip reason once, with how many scenarios it skipped, in the order first seen. */
    Map<String, Integer> skipReasons() {
        return skipReasons;
    }

    /** The scenarios in which the target broke a documented rule (an assertion failed). */
    List<ScenarioOutcome> failures() {
        return outcomes.stream().filter(ScenarioOutcome::failed).toList();
    }

    /** The scenarios the kit could not check because of a fault of its own. */
    List<ScenarioOutcome> kitErrors() {
        return outcomes.stream().filter(ScenarioOutcome::errored).toList();
    }

    /**
     * Each observation on undocumented behaviour once, with the scenarios that made it ({@code "RULE-ID scenario"},
     * or the scenario alone outside a rule), in the order first seen.
     */
    Map<String, List<String>> observations() {
        return observations;
    }
}
