package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.profile.BehaviourProfile;
import java.util.Map;
import java.util.function.Supplier;

import static io.enoskit.ota.mock.AdminAnswers.answer;
import static io.enoskit.ota.mock.AdminRequests.param;

/**
 * The admin routes of the mock's state: its counts, the profile in force, the reset, and per organization its
 * firmware, jobs and their tasks. Paths are relative to {@code /__admin/ota}; the table is in
 * {@link OtaAdminApiExtension}.
 */
final class StateRoutes {
    private static final ObjectReader FIRMWARE = AdminRequests.reader(Firmware.class)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final OtaStore store;
    private final Supplier<BehaviourProfile> profile;
    /** The mock's one reset ({@link StateResetListener#resetState()}). */
    private final Runnable resetState;

    /** @param profile the behaviour profile in force, with the state file's limit applied */
    StateRoutes(OtaStore store, Supplier<BehaviourProfile> profile, Runnable resetState) {
        this.store = store;
        this.profile = profile;
        this.resetState = resetState;
    }

    /** GET /state: the counts of orgs, firmware and jobs ({@code "counts"}) and the default verification limit. */
    AdminTask state() {
        return (admin, event, params) -> answer(this::counts);
    }

    /** POST /reset: back to the default state (all jobs dropped); answers as {@link #state()}. */
    AdminTask reset() {
        return (admin, event, params) -> answer(() -> {
            resetState.run();
            return counts();
        });
    }

    private Map<String, Object> counts() {
        return Map.of("counts", store.counts(), "maxAllowedForVerification", store.defaultVerificationLimit());
    }

    /**
     * GET /profile: the behaviour profile in force, read-only: {@code {"layers": [name], "settings": {key:
     * {"value", "source": {"kind", "section"|"reason"|"target", "time", "exchange"}, "layer"}}}}.
     */
    AdminTask showProfile() {
        return (admin, event, params) -> answer(() -> ProfileView.of(profile.get()));
    }

    /** GET /orgs: {@code {"orgs": [orgId]}}, the organizations the state knows. */
    AdminTask listOrganizations() {
        return (admin, event, params) -> answer(() -> Map.of("orgs", store.organizations()));
    }

    /** GET /orgs/{orgId}/firmwares: {@code {"firmwares": [Firmware]}}. */
    AdminTask listFirmwares() {
        return (admin, event, params) -> answer(() -> Map.of("firmwares", store.firmwares(param(params, "orgId"))));
    }

    /**
     * PUT /orgs/{orgId}/firmwares/{firmwareId}: adds or replaces a firmware; body {@code {"name", "version",
     * "enableVerification", "isVerified", "maxAllowedForVerification"}}; answers the firmware.
     */
    AdminTask putFirmware() {
        return (admin, event, params) -> answer(() -> {
            Firmware firmware = AdminRequests.read(FIRMWARE, event.getRequest(), params, "firmware", "orgId",
                    "firmwareId");
            store.putFirmware(firmware);
            return firmware;
        });
    }

    /** GET /orgs/{orgId}/jobs: {@code {"jobs": [JobInfo]}}, oldest first. */
    AdminTask listJobs() {
        return (admin, event, params) -> answer(() -> Map.of("jobs", store.jobs(param(params, "orgId")).stream()
                .map(Job::info).toList()));
    }

    /**
     * GET /orgs/{orgId}/jobs/{jobId}/tasks: {@code {"tasks": [TaskInfo], "counts": {"init": n, ...}}}, the
     * job's device tasks now (empty before its first start).
     */
    AdminTask listTasks() {
        return (admin, event, params) -> answer(() -> {
            String orgId = param(params, "orgId");
            String jobId = param(params, "jobId");
            return Map.of("tasks", store.tasks(orgId, jobId), "counts", store.taskCounts(orgId, jobId));
        });
    }

    /**
     * POST /orgs/{orgId}/jobs/{jobId}/complete-verification: the verification job succeeded, so its firmware
     * becomes verified and upgrade jobs on it no longer get 24610; answers {@code {"firmware": Firmware}}.
     */
    AdminTask completeVerification() {
        return (admin, event, params) -> answer(
                () -> Map.of("firmware", store.completeVerification(param(params, "orgId"), param(params, "jobId"))));
    }
}
