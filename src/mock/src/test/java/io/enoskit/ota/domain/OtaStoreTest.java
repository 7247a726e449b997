package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.RetryPolicy;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.UpgradeJobRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OtaStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private final OtaStore store = new OtaStore(
            new DefaultState(5, List.of(Requests.firmware("org1", "fw1"), Requests.needingVerification("org1", "fw2"),
                    Requests.firmware("org2", "fwOfOrg2"))),
            new JobIdGenerator(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void unknownFirmwareIs24404() {
        assertThatThrownBy(() -> store.createJob("org1", "nope", Requests.upgrade()))
                .isInstanceOf(OtaRuleException.class).hasMessage("Firmware not found")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24404);
    }

    @Test
    void firmwareOfAnotherOrgIs24404() {
        assertThatThrownBy(() -> store.createJob("org1", "fwOfOrg2", Requests.upgrade()))
                .isInstanceOf(OtaRuleException.class).hasMessage("Firmware not found");
    }

    @Test
    void upgradeJobGetsTheDocumentedDefaults() {
        String jobId = store.createJob("org1", "fw1", Requests.upgrade());

        JobInfo job = store.getJob("org1", jobId).info();
        assertThat(job.getJobId()).isEqualTo(jobId).matches("[0-9a-f]{24}");
        assertThat(job.getOrgId()).isEqualTo("org1");
        assertThat(job.getFirmwareId()).isEqualTo("fw1");
        assertThat(job.getType()).isEqualTo(JobInfo.TypeEnum.UPGRADE);
        assertThat(job.getUpgradeTimeout()).isEqualTo(7200L);
        assertThat(job.getMaximumConcurrency()).isEqualTo(300);
        assertThat(job.getRetryPolicy().getEnableRetry()).isFalse();
        assertThat(job.getSchedulePolicy().getIsRepeatDaily()).isTrue();
        assertThat(job.getSchedulePolicy().getStartTimestamp()).isEqualTo(NOW.toEpochMilli());
        assertThat(job.getStartSchedule()).isEqualTo(0);
        assertThat(job.getEndSchedule()).isEqualTo(86399);
        assertThat(job.getStatus()).isEqualTo(JobInfo.StatusEnum.STOPPED);
        assertThat(job.getCreateTime()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void valuesTheRequestGivesAreKept() {
        UpgradeJobRequest request = Requests.upgrade()
                .name(new StringI18n().defaultValue("night run"))
                .upgradeTimeout(600L)
                .maximumConcurrency(10)
                .retryPolicy(new RetryPolicy().enableRetry(true).retryCount(5).retryInterval(10))
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.INCREMENTAL);

        JobInfo job = store.getJob("org1", store.createJob("org1", "fw1", request)).info();

        assertThat(job.getName().getDefaultValue()).isEqualTo("night run");
        assertThat(job.getUpgradeTimeout()).isEqualTo(600L);
        assertThat(job.getMaximumConcurrency()).isEqualTo(10);
        assertThat(job.getRetryPolicy().getRetryCount()).isEqualTo(5);
        assertThat(job.getUpgradePolicy()).isEqualTo(JobInfo.UpgradePolicyEnum.INCREMENTAL);
        assertThat(job.getUpgradeScope().getDeviceKeys()).containsExactly("dk1");
    }

    @Test
    void verificationJobGetsTheDefaultTimeoutAndNoUpgradeFields() {
        JobInfo job = store.getJob("org1", store.createJob("org1", "fw1", Requests.verification(2))).info();

        assertThat(job.getType()).isEqualTo(JobInfo.TypeEnum.VERIFY);
        assertThat(job.getUpgradeTimeout()).isEqualTo(7200L);
        assertThat(job.getUpgradePolicy()).isNull();
        assertThat(job.getUpgradeScope().getDeviceKeys()).containsExactly("dk1", "dk2");
    }

    @Test
    void unknownJobIs24404JobNotFound() {
        assertThatThrownBy(() -> store.getJob("org1", "5ee1a91029b990001b9c188e"))
                .isInstanceOf(OtaRuleException.class).hasMessage("Job not found")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24404);
    }

    @Test
    void oneOrgDoesNotSeeAnothersJobs() {
        String jobId = store.createJob("org2", "fwOfOrg2", Requests.upgrade());

        assertThatThrownBy(() -> store.getJob("org1", jobId)).hasMessage("Job not found");
        assertThat(store.jobs("org1")).isEmpty();
        assertThat(store.jobs("org2")).extracting(Job::jobId).containsExactly(jobId);
    }

    @Test
    void completedVerificationLetsUpgradeJobsThrough() {
        assertThatThrownBy(() -> store.createJob("org1", "fw2", Requests.upgrade()))
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24610);
        String verification = store.createJob("org1", "fw2", Requests.verification(1));

        Firmware verified = store.completeVerification("org1", verification);

        assertThat(verified.isVerified()).isTrue();
        assertThat(store.createJob("org1", "fw2", Requests.upgrade())).matches("[0-9a-f]{24}");
    }

    @Test
    void completingAnUpgradeJobIsRefused() {
        String upgrade = store.createJob("org1", "fw1", Requests.upgrade());

        assertThatThrownBy(() -> store.completeVerification("org1", upgrade))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upgrade job");
    }

    @Test
    void resetDropsJobsAndRestoresTheDefaultFirmware() {
        String verification = store.createJob("org1", "fw2", Requests.verification(1));
        store.completeVerification("org1", verification);
        store.putFirmware(Requests.firmware("org3", "extra"));

        store.reset();

        assertThat(store.jobs("org1")).isEmpty();
        assertThat(store.firmwares("org3")).isEmpty();
        assertThat(store.firmwares("org1")).filteredOn(f -> f.firmwareId().equals("fw2"))
                .singleElement().extracting(Firmware::isVerified).isEqualTo(false);
    }

    @Test
    void putFirmwareReplacesTheOneWithTheSameId() {
        store.putFirmware(new Firmware("org1", "fw1", "renamed", "1.2", true, false, 2));

        assertThat(store.firmwares("org1")).filteredOn(f -> f.firmwareId().equals("fw1"))
                .singleElement().extracting(Firmware::name).isEqualTo("renamed");
    }

    @Test
    void aJobIsCreatedStoppedAndStartsStopsAndIsDeletedOnlyWhenStopped() {
        String jobId = store.createJob("org1", "fw1", Requests.upgrade());

        assertThatThrownBy(() -> store.stopJob("org1", jobId)).hasMessage("Job has stopped")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24616);
        store.startJob("org1", jobId);
        assertThat(store.getJob("org1", jobId).status()).isEqualTo(JobInfo.StatusEnum.STARTED);
        assertThatThrownBy(() -> store.startJob("org1", jobId)).hasMessage("Job has started")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24615);
        assertThatThrownBy(() -> store.deleteJob("org1", jobId)).hasMessage("Not allowed to delete running job")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24618);
        store.stopJob("org1", jobId);
        store.deleteJob("org1", jobId);
        assertThatThrownBy(() -> store.getJob("org1", jobId)).hasMessage("Job not found");
        assertThatThrownBy(() -> store.deleteJob("org1", jobId)).hasMessage("Job not found");
    }

    @Test
    void concurrentCreatesLoseNoJobAndNeverRepeatAnId() throws Exception {
        int threads = 8;
        int perThread = 2000;
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        ids.add(store.createJob("org1", "fw1", Requests.upgrade()));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(ids).hasSize(threads * perThread);
        assertThat(store.jobs("org1")).hasSize(threads * perThread);
        assertThat(store.counts()).containsEntry("jobs", (long) threads * perThread);
    }
}
