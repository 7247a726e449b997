package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the store hands out for the state file ({@link OtaStore#snapshot()}) is a snapshot: while another thread
 * moves the clock and the device tasks progress, every task in it is whole (its status, progress and desc agree), and
 * a snapshot already taken never changes afterwards. The state file is written outside the store's lock.
 */
class StoreSnapshotsTest {
    private static final String ORG = "org1";
    private static final int DEVICES = 50;
    private static final int SNAPSHOTS = 400;

    private final SimulationClock clock = new SimulationClock(
            Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));

    private OtaStore store() {
        List<Device> devices = IntStream.rangeClosed(1, DEVICES).mapToObj(i -> new Device(ORG, "pk", "dk" + i, null,
                "1.0", i % 5 == 0 ? List.of(DeviceOutcome.FAIL) : List.of(), null)).toList();
        return new OtaStore(new DefaultState(5, List.of(new Firmware(ORG, "fw1", "fw", "1.1", false, false, null,
                "pk", null, null)), List.of(), devices), new JobIdGenerator(), clock, 20_000,
                new Simulation(Duration.ofSeconds(1), 0, 7));
    }

    @Test
    void snapshotsHoldWholeTasksAndDoNotChangeAfterTheyAreTaken() throws Exception {
        OtaStore store = store();
        List<String> keys = IntStream.rangeClosed(1, DEVICES).mapToObj(i -> "dk" + i).toList();
        String jobId = store.createJob(ORG, "fw1", new UpgradeJobRequest().type("upgrade")
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT).enableUpgradeRequest(true)
                .maximumConcurrency(5)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(keys)));
        store.startJob(ORG, jobId);
        Queue<Map.Entry<StoreSnapshot, String>> taken = new ConcurrentLinkedQueue<>();
        // every worker waits here until all have started, so they run at the same time
        CyclicBarrier go = new CyclicBarrier(2);
        CountDownLatch readerDone = new CountDownLatch(1);
        List<Callable<Void>> work = new ArrayList<>();
        work.add(() -> {
            go.await();
            // at most two steps per snapshot taken, so the snapshots see the tasks in every status
            for (int steps = 0; readerDone.getCount() > 0; ) {
                if (steps < 2 * taken.size() + 2) {
                    clock.advance(Duration.ofMillis(250));
                    store.advance();
                    steps++;
                } else {
                    Thread.onSpinWait();
                }
            }
            return null;
        });
        work.add(() -> {
            go.await();
            try {
                for (int round = 0; round < SNAPSHOTS; round++) {
                    StoreSnapshot snapshot = store.snapshot();
                    taken.add(Map.entry(snapshot, Json.write(snapshot)));
                }
            } finally {
                readerDone.countDown();
            }
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> each : pool.invokeAll(work, 2, TimeUnit.MINUTES)) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> statuses = new ArrayList<>();
        for (Map.Entry<StoreSnapshot, String> snapshot : taken) {
            for (JsonNode task : Json.mapper().readTree(snapshot.getValue()).at("/orgs/0/runs/0/tasks")) {
                String status = task.path("status").asText();
                statuses.add(status);
                assertThat(task.path("progress").asInt()).as(task.toString()).isEqualTo(switch (status) {
                    case "succeeded" -> 100;
                    case "failed" -> -1;
                    case "init", "published" -> 0;
                    default -> task.path("progress").asInt() % 25 == 0 && task.path("progress").asInt() < 100
                            ? task.path("progress").asInt() : -2;
                });
                assertThat(task.path("desc").asText()).as(task.toString()).isEqualTo(switch (status) {
                    case "succeeded" -> JobRun.DESC_SUCCEEDED;
                    case "failed" -> JobRun.DESC_FAILED;
                    case "init" -> JobRun.DESC_INIT;
                    case "published" -> JobRun.DESC_PUBLISHED;
                    default -> JobRun.DESC_UPGRADING;
                });
            }
        }
        assertThat(statuses).as("the snapshots saw the tasks move").contains("published", "upgrading", "succeeded");
        assertThat(taken).hasSize(SNAPSHOTS);
        long changed = taken.stream().filter(snapshot -> !Json.write(snapshot.getKey())
                .equals(snapshot.getValue())).count();
        assertThat(changed).as("snapshots that read differently when written again later, of " + SNAPSHOTS)
                .isZero();
    }
}
