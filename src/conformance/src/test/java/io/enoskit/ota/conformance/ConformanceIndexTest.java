package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cucumber.plugin.event.Status;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.profile.EnosVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index worked out from a small hand-built run: every count stated, nothing read from a report. */
class ConformanceIndexTest {
    private static final List<DocumentedRule> CATALOGUE = List.of(
            new DocumentedRule("CREATE-24404", "an unknown firmware is refused", "Create OTA Job"),
            new DocumentedRule("GET-24404", "an unknown job is refused", "Get OTA Job"),
            new DocumentedRule("CANCEL-24620", "a task of a stopped job is cancelled", "Cancel OTA Task"),
            new DocumentedRule("DELETE-24404", "an unknown job cannot be deleted", "Delete OTA Job"),
            new DocumentedRule("SEARCH-JOB-BY-VERSION", "a job is found by firmware version", "Search OTA Job",
                    EnosVersion.V2_3));
    private static final String TWO_DEVICES = "the target lists fewer than two devices";

    /**
     * Checked as EnOS 2.2: CREATE-24404 fails in one of its two scenarios, GET-24404 passes once and is skipped once,
     * CANCEL-24620 is skipped in both, DELETE-24404 has no scenario, SEARCH-JOB-BY-VERSION is of EnOS 2.3; one
     * scenario outside any rule breaks on a fault of the kit.
     */
    private static final List<ScenarioOutcome> RUN = List.of(
            outcome(Status.PASSED, "CREATE-24404", "Create OTA Job", "unknown firmware", "",
                    List.of("msg differs: Firmware not found", "msg differs: Firmware not found")),
            outcome(Status.FAILED, "CREATE-24404", "Create OTA Job", "unknown firmware id format",
                    "expected code 24404 but was 0", List.of()),
            outcome(Status.PASSED, "GET-24404", "Get OTA Job", "unknown job", "",
                    List.of("msg differs: Firmware not found", "requestId is not a UUID")),
            outcome(Status.SKIPPED, "GET-24404", "Get OTA Job", "unknown job of another org", "no second org given",
                    List.of()),
            outcome(Status.SKIPPED, "CANCEL-24620", "Tasks", "cancel one", TWO_DEVICES, List.of()),
            outcome(Status.SKIPPED, "CANCEL-24620", "Tasks", "cancel all", TWO_DEVICES, List.of()),
            outcome(Status.SKIPPED, "SEARCH-JOB-BY-VERSION", "Search OTA Job", "by version",
                    Hooks.NOT_APPLICABLE + "2.2: SEARCH-JOB-BY-VERSION holds from EnOS 2.3", List.of()),
            new ScenarioOutcome(Status.FAILED, "", "Tasks", "the kit trips", "java.lang.NullPointerException",
                    List.of(), true),
            outcome(Status.UNDEFINED, "", "Tasks", "a step nobody wrote", "", List.of()));

    private static ScenarioOutcome outcome(Status status, String rule, String feature, String scenario, String reason,
                                           List<String> observations) {
        return new ScenarioOutcome(status, rule, feature, scenario, reason, observations, false);
    }

    private final ConformanceIndex index = new ConformanceIndex(RUN, CATALOGUE, EnosVersion.V2_2);

    @Test
    void sortsEachApplicableRuleIntoExactlyOneOutcome() {
        assertThat(index.applicableRules()).isEqualTo(4);
        assertThat(index.exercisedRules()).isEqualTo(2);
        assertThat(index.passedRules()).containsExactly("GET-24404");
        assertThat(index.failedRules()).containsExactly("CREATE-24404", "the kit trips", "a step nobody wrote");
        assertThat(index.skippedRules()).containsExactly("CANCEL-24620");
        assertThat(index.notSelectedRules()).containsExactly("DELETE-24404");
        assertThat(index.notApplicableRules()).extracting(DocumentedRule::id).containsExactly("SEARCH-JOB-BY-VERSION");
        assertThat(index.scenarios()).isEqualTo(9);
    }

    @Test
    void aRuleOfALaterReleaseCountsWhenThatReleaseIsChecked() {
        ConformanceIndex asOf23 = new ConformanceIndex(RUN, CATALOGUE, EnosVersion.V2_3);

        assertThat(asOf23.applicableRules()).isEqualTo(5);
        assertThat(asOf23.notApplicableRules()).isEmpty();
        assertThat(asOf23.skippedRules()).containsExactly("CANCEL-24620", "SEARCH-JOB-BY-VERSION");
    }

    @Test
    void countsScenariosPerFeatureWithErrorsAsFailed() {
        assertThat(index.features()).containsExactly(
                entry("Create OTA Job", new ConformanceIndex.Counts(1, 1, 0)),
                entry("Get OTA Job", new ConformanceIndex.Counts(1, 0, 1)),
                entry("Tasks", new ConformanceIndex.Counts(0, 2, 2)),
                entry("Search OTA Job", new ConformanceIndex.Counts(0, 0, 1)));
        assertThat(index.total()).isEqualTo(new ConformanceIndex.Counts(2, 3, 4));
    }

    @Test
    void listsEachSkipReasonOnceWithItsCountButNotTheLaterReleasesRules() {
        assertThat(index.skipReasons()).containsExactly(entry("no second org given", 1), entry(TWO_DEVICES, 2));
    }

    @Test
    void tellsTheTargetsFailuresFromTheKitsErrors() {
        assertThat(index.failures()).extracting(ScenarioOutcome::scenario)
                .containsExactly("unknown firmware id format");
        assertThat(index.kitErrors()).extracting(ScenarioOutcome::scenario)
                .containsExactly("the kit trips", "a step nobody wrote");
    }

    @Test
    void namesEachObservationOnceWithTheScenariosThatMadeIt() {
        assertThat(index.observations()).containsExactly(
                entry("msg differs: Firmware not found", List.of("CREATE-24404 unknown firmware",
                        "GET-24404 unknown job")),
                entry("requestId is not a UUID", List.of("GET-24404 unknown job")));
    }

    @Test
    void anEmptyRunExercisesNothingAndSelectsNoRule() {
        ConformanceIndex empty = new ConformanceIndex(List.of(), CATALOGUE, EnosVersion.V2_2);

        assertThat(empty.scenarios()).isZero();
        assertThat(empty.exercisedRules()).isZero();
        assertThat(empty.notSelectedRules()).containsExactly("CREATE-24404", "GET-24404", "CANCEL-24620",
                "DELETE-24404");
        assertThat(empty.total()).isEqualTo(new ConformanceIndex.Counts(0, 0, 0));
    }

    @Test
    void keepsNoLinkToTheListsItWasBuiltFromAndHandsOutNoneToChange() {
        List<ScenarioOutcome> outcomes = new ArrayList<>(RUN);
        ConformanceIndex built = new ConformanceIndex(outcomes, CATALOGUE, EnosVersion.V2_2);
        outcomes.clear();

        assertThat(built.scenarios()).isEqualTo(9);
        assertThat(built.passedRules()).containsExactly("GET-24404");
        assertThatThrownBy(() -> built.features().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.observations().get("requestId is not a UUID").add("more"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.failedRules().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }
}
