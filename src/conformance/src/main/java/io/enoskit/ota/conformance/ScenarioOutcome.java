package io.enoskit.ota.conformance;

import io.cucumber.plugin.event.Status;
import java.util.List;

/**
 * The outcome of one scenario of a run, as the summary collects it.
 *
 * @param status       Cucumber's status of the scenario
 * @param rule         the id of the documented rule it guards (its Gherkin {@code Rule:}); empty outside a rule
 * @param feature      the feature's name
 * @param scenario     the scenario's name
 * @param reason       the first line of why it failed or was skipped; empty when it passed
 * @param observations what it noted about undocumented behaviour, in order
 * @param kitError     true when it failed on something other than an assertion (a fault of the kit)
 */
record ScenarioOutcome(Status status, String rule, String feature, String scenario, String reason,
                       List<String> observations, boolean kitError) {
    ScenarioOutcome {
        observations = List.copyOf(observations);
    }

    /** The target broke the scenario's rule (an assertion failed). */
    boolean failed() {
        return status == Status.FAILED && !kitError;
    }

    /** The kit could not check: a step is missing or threw something other than an assertion (a bug). */
    boolean errored() {
        return kitError || status == Status.UNDEFINED || status == Status.AMBIGUOUS || status == Status.PENDING;
    }

    /** Counts against the target or the kit: it failed or errored. */
    boolean broke() {
        return failed() || errored();
    }
}
