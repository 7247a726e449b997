package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.model.RetryPolicy;
import io.enoskit.ota.model.SchedulePolicy;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The device task simulation, on a clock that moves only when the test moves it (no sleeping): the statuses in
 * order, one pace per step, device outcomes and the failure share, the concurrency bound, both timeouts, stop,
 * cancel and retry with their error codes, schedules, automatic retries and verification that completes by itself.
 */
class TaskSimulationTest {
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final int PACE = 10;
    private static final String ORG = "org1";

    private final SimulationClock clock = new SimulationClock(Clock.fixed(T0, ZoneOffset.UTC));
    private OtaStore store = store(0);

    private OtaStore store(double failureShare) {
        return new OtaStore(new DefaultState(5,
                List.of(new Firmware(ORG, "fw1", "fw", "1.1", false, false, null, "pk", null, null),
                        new Firmware(ORG, "fwVerify", "fw", "2.0", true, false, 5, "pk", 2, null)),
                List.of(),
                List.of(device("dk1", "1.0"), device("dk2", "1.0"), device("dk3", "1.0", DeviceOutcome.FAIL),
                        device("dk4", "1.0", DeviceOutcome.STALL),
                        device("dk5", "1.0", DeviceOutcome.FAIL, DeviceOutcome.SUCCEED),
                        device("old", "0.9"), new Device(ORG, "otherProduct", "dkX", null, "1.0", null, null))),
                new JobIdGenerator(), clock, 20_000, new Simulation(Duration.ofSeconds(PACE), failureShare, 7));
    }

    private static Device device(String key, String version, DeviceOutcome... outcomes) {
        return new Device(ORG, "pk", key, "asset-" + key, version, List.of(outcomes),
                outcomes.length > 0 && outcomes[0] == DeviceOutcome.FAIL ? "download failure" : null);
    }

    private static UpgradeJobRequest upgrade(String... deviceKeys) {
        return new UpgradeJobRequest().type("upgrade").upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT)
                .enableUpgradeRequest(true)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(List.of(deviceKeys)));
    }

    private String started(UpgradeJobRequest request) {
        String jobId = store.createJob(ORG, "fw1", request);
        store.startJob(ORG, jobId);
        return jobId;
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        store.advance();
    }

    private Map<String, TaskInfo> tasks(String jobId) {
        return store.tasks(ORG, jobId).stream()
                .collect(Collectors.toMap(TaskInfo::getDeviceKey, Function.identity()));
    }

    private String status(String jobId, String deviceKey) {
        return tasks(jobId).get(deviceKey).getStatus().getValue();
    }

    @Nested
    class Progress {
        @Test
        void theFirstStartMakesOneInitTaskPerNamedDevice() {
            String jobId = store.createJob(ORG, "fw1", upgrade("dk1", "dk2", "unlisted"));
            assertThat(store.tasks(ORG, jobId)).isEmpty();

            store.startJob(ORG, jobId);

            List<TaskInfo> tasks = store.tasks(ORG, jobId);
            assertThat(tasks).extracting(TaskInfo::getDeviceKey).containsExactly("dk1", "dk2", "unlisted");
            assertThat(tasks).allSatisfy(task -> {
                assertThat(task.getStatus()).isEqualTo(TaskInfo.StatusEnum.INIT);
                assertThat(task.getProgress()).isZero();
                assertThat(task.getJobId()).isEqualTo(jobId);
                assertThat(task.getOrgId()).isEqualTo(ORG);
                assertThat(task.getToVersion()).isEqualTo("1.1");
                assertThat(task.getTaskId()).matches("[0-9a-f]{24}");
                assertThat(task.getUpdateTime()).isEqualTo(T0.toEpochMilli());
            });
            assertThat(tasks.get(0).getFromVersion()).isEqualTo("1.0");
            assertThat(tasks.get(0).getAssetId()).isEqualTo("asset-dk1");
            assertThat(tasks.get(0).getProductKey()).isEqualTo("pk");
            assertThat(tasks.get(2).getAssetId()).isNull();
        }

        @Test
        void eachStepTakesOnePaceFromPublishedToSucceeded() {
            String jobId = started(upgrade("dk1"));
            List<String> seen = new ArrayList<>();
            for (int step = 0; step <= 5; step++) {
                advance(step == 0 ? 1 : PACE);
                TaskInfo task = tasks(jobId).get("dk1");
                seen.add(task.getStatus().getValue() + " " + task.getProgress());
            }
            assertThat(seen).containsExactly("published 0", "upgrading 0", "upgrading 25", "upgrading 50",
                    "upgrading 75", "succeeded 100");
            TaskInfo done = tasks(jobId).get("dk1");
            assertThat(done.getDesc()).isEqualTo("upgrading firmware finished");
            assertThat(done.getUpdateTime()).isEqualTo(T0.toEpochMilli() + 5 * PACE * 1000L);
        }

        @Test
        void aFailingDeviceFailsAtFiftyWithNegativeProgressAndItsReason() {
            String jobId = started(upgrade("dk3"));
            advance(3 * PACE - 1);
            assertThat(tasks(jobId).get("dk3").getProgress()).isEqualTo(25);

            advance(1);

            TaskInfo failed = tasks(jobId).get("dk3");
            assertThat(failed.getStatus()).isEqualTo(TaskInfo.StatusEnum.FAILED);
            assertThat(failed.getProgress()).isNegative();
            assertThat(failed.getDesc()).isEqualTo("download failure");
        }

        @Test
        void theFailureShareDecidesForDevicesWithoutOutcomes() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                keys.add("bulk" + i);
            }
            for (double share : new double[] {0, 0.5, 1}) {
                store = store(share);
                String jobId = started(upgrade(keys.toArray(String[]::new)).maximumConcurrency(1000));
                advance(6 * PACE);
                long failed = store.tasks(ORG, jobId).stream()
                        .filter(task -> task.getStatus() == TaskInfo.StatusEnum.FAILED).count();
                if (share == 0) {
                    assertThat(failed).isZero();
                } else if (share == 1) {
                    assertThat(failed).isEqualTo(1000);
                } else {
                    assertThat(failed).isBetween(400L, 600L);
                }
            }
        }

        @Test
        void atMostMaximumConcurrencyTasksArePublishedOrUpgradingAtOnce() {
            String jobId = started(upgrade("dk1", "dk2", "a", "b", "c").maximumConcurrency(2));
            int most = 0;
            for (int second = 0; second < 20 * PACE; second++) {
                advance(1);
                long active = store.tasks(ORG, jobId).stream().map(TaskInfo::getStatus)
                        .filter(s -> s == TaskInfo.StatusEnum.PUBLISHED || s == TaskInfo.StatusEnum.UPGRADING)
                        .count();
                most = Math.max(most, (int) active);
            }
            assertThat(most).isEqualTo(2);
            assertThat(store.tasks(ORG, jobId)).allMatch(task -> task.getStatus() == TaskInfo.StatusEnum.SUCCEEDED);
            assertThat(store.taskCounts(ORG, jobId)).containsEntry("succeeded", 5).containsEntry("init", 0);
        }

        @Test
        void aBigJobRunsToTheEndWhenTheClockMovesByHours() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                keys.add("bulk" + i);
            }
            String jobId = started(upgrade(keys.toArray(String[]::new)));

            advance(3600);

            assertThat(store.taskCounts(ORG, jobId)).containsEntry("succeeded", 10_000);
        }
    }

    @Nested
    class Timeouts {
        @Test
        void anUpgradeTaskTimesOutUpgradeTimeoutAfterItStartedUpgrading() {
            String jobId = started(upgrade("dk4").upgradeTimeout(300L));
            advance(PACE + 300 - 1);
            assertThat(status(jobId, "dk4")).isEqualTo("upgrading");

            advance(1);

            TaskInfo task = tasks(jobId).get("dk4");
            assertThat(task.getStatus()).isEqualTo(TaskInfo.StatusEnum.FAILED);
            assertThat(task.getDesc()).isEqualTo("upgrade timeout");
            assertThat(task.getProgress()).isNegative();
        }

        @Test
        void aVerificationTaskTimesOutUpgradeTimeoutAfterItWasPublished() {
            String jobId = store.createJob(ORG, "fwVerify", new VerificationJobRequest().type("verify")
                    .upgradeTimeout(300L)
                    .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(List.of("dk4"))));
            store.startJob(ORG, jobId);
            advance(300 - 1);
            assertThat(status(jobId, "dk4")).isEqualTo("upgrading");

            advance(1);

            assertThat(tasks(jobId).get("dk4").getDesc()).isEqualTo("upgrade timeout");
        }
    }

    @Nested
    class StopCancelRetry {
        @Test
        void stopPausesTheTasksWhereTheyAreAndStartResumesThem() {
            String jobId = started(upgrade("dk1"));
            advance(2 * PACE + 1);
            store.stopJob(ORG, jobId);
            advance(100 * PACE);
            assertThat(tasks(jobId).get("dk1").getProgress()).isEqualTo(25);

            store.startJob(ORG, jobId);
            advance(3 * PACE);

            assertThat(status(jobId, "dk1")).isEqualTo("succeeded");
        }

        @Test
        void cancelFailsInitAndPublishedTasksWithDescCancelledByUser() {
            String jobId = started(upgrade("dk1", "dk2").maximumConcurrency(1));
            advance(1);
            assertThat(status(jobId, "dk1")).isEqualTo("published");
            assertThat(status(jobId, "dk2")).isEqualTo("init");

            store.cancelTasks(ORG, jobId, List.of("dk1", "dk2"));

            assertThat(tasks(jobId).values()).allSatisfy(task -> {
                assertThat(task.getStatus()).isEqualTo(TaskInfo.StatusEnum.FAILED);
                assertThat(task.getDesc()).isEqualTo("Cancelled by user");
                assertThat(task.getProgress()).isNegative();
            });
        }

        @Test
        void cancelOfAnUpgradingTaskIs24620AndChangesNothing() {
            String jobId = started(upgrade("dk1", "dk2").maximumConcurrency(1));
            advance(PACE + 1);
            assertThat(status(jobId, "dk1")).isEqualTo("upgrading");

            assertThatThrownBy(() -> store.cancelTasks(ORG, jobId, List.of("dk2", "dk1")))
                    .isInstanceOf(OtaRuleException.class).hasMessage("Only init or published tasks can be canceled")
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24620);
            assertThat(status(jobId, "dk2")).isEqualTo("init");
            assertThatThrownBy(() -> store.cancelTasks(ORG, jobId, List.of("notInTheJob")))
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24620);
        }

        @Test
        void retryPutsAFailedTaskBackToInitAndItRunsAgain() {
            String jobId = started(upgrade("dk5"));
            advance(3 * PACE);
            assertThat(status(jobId, "dk5")).isEqualTo("failed");

            store.retryTasks(ORG, jobId, List.of("dk5"));

            assertThat(status(jobId, "dk5")).isEqualTo("init");
            advance(1 + 5 * PACE);
            assertThat(status(jobId, "dk5")).isEqualTo("succeeded");
        }

        @Test
        void aCancelledTaskCanBeRetried() {
            String jobId = started(upgrade("dk1"));
            store.cancelTasks(ORG, jobId, List.of("dk1"));

            store.retryTasks(ORG, jobId, List.of("dk1"));
            advance(1 + 5 * PACE);

            assertThat(status(jobId, "dk1")).isEqualTo("succeeded");
        }

        @Test
        void retryOfATaskThatHasNotFailedIs24621() {
            String jobId = started(upgrade("dk1", "dk3"));
            advance(6 * PACE);

            assertThatThrownBy(() -> store.retryTasks(ORG, jobId, List.of("dk3", "dk1")))
                    .isInstanceOf(OtaRuleException.class).hasMessage("Only failed tasks can be retried")
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24621);
            assertThat(status(jobId, "dk3")).isEqualTo("failed");
        }

        @Test
        void cancelAndRetryOnAStoppedJobAre24617() {
            String jobId = store.createJob(ORG, "fw1", upgrade("dk1"));

            assertThatThrownBy(() -> store.cancelTasks(ORG, jobId, List.of("dk1")))
                    .isInstanceOf(OtaRuleException.class).hasMessage("Job not running")
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24617);
            assertThatThrownBy(() -> store.retryTasks(ORG, jobId, List.of("dk1")))
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24617);
        }

        @Test
        void cancelAndRetryOnAnUnknownJobAre24404() {
            assertThatThrownBy(() -> store.cancelTasks(ORG, "nope", List.of("dk1")))
                    .isInstanceOf(OtaRuleException.class).hasMessage("Job not found");
            assertThatThrownBy(() -> store.retryTasks("otherOrg", "nope", List.of("dk1")))
                    .isInstanceOf(OtaRuleException.class).hasMessage("Job not found");
        }

        @Test
        void theRetryPolicyRetriesAFailedTaskAfterItsIntervalAtMostRetryCountTimes() {
            String jobId = started(upgrade("dk5", "dk3")
                    .retryPolicy(new RetryPolicy().enableRetry(true).retryInterval(60).retryCount(2)));
            advance(3 * PACE);
            assertThat(status(jobId, "dk5")).isEqualTo("failed");

            advance(60);
            assertThat(status(jobId, "dk5")).isEqualTo("published");
            advance(5 * PACE);
            assertThat(status(jobId, "dk5")).isEqualTo("succeeded");

            advance(10 * (60 + 3 * PACE));
            assertThat(status(jobId, "dk3")).isEqualTo("failed");
            assertThat(store.taskCounts(ORG, jobId)).containsEntry("failed", 1).containsEntry("succeeded", 1);
        }
    }

    @Nested
    class ScopeScheduleAndVerification {
        @Test
        void aTotalScopeTakesTheDevicesOfTheFirmwaresProductOnTheNamedVersions() {
            String jobId = started(new UpgradeJobRequest().type("upgrade")
                    .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT).enableUpgradeRequest(true)
                    .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.TOTAL).versionNumbers(List.of("1.0"))));

            assertThat(store.tasks(ORG, jobId)).extracting(TaskInfo::getDeviceKey)
                    .containsExactly("dk1", "dk2", "dk3", "dk4", "dk5");
        }

        @Test
        void nothingRunsBeforeTheScheduleOpens() {
            long opens = T0.toEpochMilli() + 3_600_000;
            String jobId = started(upgrade("dk1").schedulePolicy(new SchedulePolicy().isRepeatDaily(false)
                    .startTimestamp(opens).endTimestamp(opens + 3_600_000)));
            advance(3600);
            assertThat(status(jobId, "dk1")).isEqualTo("init");

            advance(1 + 5 * PACE);

            assertThat(status(jobId, "dk1")).isEqualTo("succeeded");
        }

        @Test
        void aDailyScheduleRunsOnlyInsideItsWindow() {
            long opens = T0.toEpochMilli() + 60_000;
            String jobId = started(upgrade("dk1").schedulePolicy(new SchedulePolicy().isRepeatDaily(true)
                    .startTimestamp(opens).endTimestamp(opens + 2 * PACE * 1000L)));
            advance(60 + 2 * PACE + 5);
            assertThat(status(jobId, "dk1")).isEqualTo("upgrading");
            assertThat(tasks(jobId).get("dk1").getProgress()).isZero();

            advance(86_400);
            assertThat(tasks(jobId).get("dk1").getProgress()).isEqualTo(50);
            advance(86_400);

            assertThat(status(jobId, "dk1")).isEqualTo("succeeded");
        }

        @Test
        void aVerificationJobWhoseTasksSucceedVerifiesItsFirmware() {
            String verify = store.createJob(ORG, "fwVerify", new VerificationJobRequest().type("verify")
                    .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL)
                            .deviceKeys(List.of("dk1", "dk3", "dk2"))));
            assertThatThrownBy(() -> store.createJob(ORG, "fwVerify", upgrade("dk1")))
                    .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24610);
            store.startJob(ORG, verify);

            advance(1 + 5 * PACE);

            assertThat(store.getFirmware(ORG, "fwVerify").isVerified()).isTrue();
            assertThat(store.createJob(ORG, "fwVerify", upgrade("dk1"))).matches("[0-9a-f]{24}");
        }

        @Test
        void aVerificationJobBelowMinSuccessForVerifiedLeavesTheFirmwareUnverified() {
            String verify = store.createJob(ORG, "fwVerify", new VerificationJobRequest().type("verify")
                    .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL)
                            .deviceKeys(List.of("dk1", "dk3"))));
            store.startJob(ORG, verify);

            advance(1 + 10 * PACE);

            assertThat(store.taskCounts(ORG, verify)).containsEntry("succeeded", 1).containsEntry("failed", 1);
            assertThat(store.getFirmware(ORG, "fwVerify").isVerified()).isFalse();
        }

        @Test
        void searchingTasksFindsThemByJobStatusAndDesc() {
            String jobId = started(upgrade("dk1", "dk3"));
            advance(6 * PACE);

            Page<TaskInfo> failed = store.searchTasks(ORG, SearchExpression.parse(
                    "jobId = '" + jobId + "' and status in ('failed')", SearchFields.TASKS), 1, 10);

            assertThat(failed.items()).extracting(TaskInfo::getDeviceKey).containsExactly("dk3");
            assertThat(failed.totalSize()).isEqualTo(1);
            assertThat(store.searchTasks(ORG, SearchExpression.parse("desc = 'upgrading firmware finished'",
                    SearchFields.TASKS), 1, 10).items()).extracting(TaskInfo::getDeviceKey).containsExactly("dk1");
        }

        @Test
        void searchingJobsAnswersNewestFirstOnePageAtATime() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                created.add(store.createJob(ORG, "fw1", upgrade("dk1")));
                advance(1);
            }

            Page<Job> first = store.searchJobs(ORG, SearchExpression.parse("", SearchFields.JOBS), 1, 10);
            Page<Job> second = store.searchJobs(ORG, SearchExpression.parse(null, SearchFields.JOBS), 2, 10);

            assertThat(first.items()).hasSize(10).first().extracting(Job::jobId).isEqualTo(created.get(11));
            assertThat(second.items()).extracting(Job::jobId).containsExactly(created.get(1), created.get(0));
            assertThat(first.totalSize()).isEqualTo(12);
            assertThat(store.searchJobs(ORG, SearchExpression.parse("productKey = 'pk'", SearchFields.JOBS), 3, 10)
                    .items()).isEmpty();
            assertThat(store.searchJobs("otherOrg", SearchExpression.parse("", SearchFields.JOBS), 1, 10).totalSize())
                    .isZero();
        }
    }
}
