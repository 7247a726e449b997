package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.domain.OtaRuleException;
import io.enoskit.ota.junit5.OtaMockExtension;
import io.enoskit.ota.model.JobInfo;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Get OTA Job and the mock's {@code jobs(orgId)} hand out snapshots, not the stored job: while other threads start,
 * stop and advance the same job, every answer is a whole job as it was at one moment, and an answer already handed
 * out never changes afterwards (issue 15: the store handed out its live JobInfo beans, which start and stop changed
 * under the store's lock while Get serialised them outside it).
 */
class JobAnswersAreSnapshotsTest {
    private static final String ORG = "yourOrgId";
    private static final int ROUNDS = 300;

    @RegisterExtension
    static final OtaMockExtension MOCK = OtaMockExtension.newInstance().build();

    private static String create() {
        return RestAssured.given().baseUri(MOCK.baseUrl()).contentType(ContentType.JSON)
                .queryParam("action", Operation.CREATE_JOB.action()).queryParam("orgId", ORG)
                .queryParam("firmwareId", "yourFirmwareId")
                .body(Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                        "upgradeScope", Map.of("type", "partial", "deviceKeys",
                                List.of("deviceKey1", "deviceKey2", "deviceKey3"))))
                .post(Operation.CREATE_JOB.path()).then().statusCode(200).extract().path("data.jobId");
    }

    private static JsonNode get(String jobId) throws Exception {
        String body = RestAssured.given().baseUri(MOCK.baseUrl()).queryParam("action", Operation.GET_JOB.action())
                .queryParam("orgId", ORG).queryParam("jobId", jobId).get(Operation.GET_JOB.path())
                .then().statusCode(200).extract().asString();
        JsonNode envelope = Json.mapper().readTree(body);
        assertThat(envelope.path("code").asInt(-1)).as(body).isZero();
        return envelope.path("data");
    }

    /** The job without its status: what start, stop and the clock must leave alone. */
    private static JsonNode withoutStatus(JsonNode job) {
        ObjectNode copy = job.deepCopy();
        copy.remove("status");
        return copy;
    }

    @Test
    void answersAreWholeJobsAndDoNotChangeAfterTheyAreHandedOut() throws Exception {
        String jobId = create();
        JsonNode rest = withoutStatus(get(jobId));
        Queue<JsonNode> answered = new ConcurrentLinkedQueue<>();
        Queue<Map.Entry<List<JobInfo>, String>> handedOut = new ConcurrentLinkedQueue<>();
        // every worker waits here until all have started, so they run at the same time
        CyclicBarrier go = new CyclicBarrier(4);
        // the writers go on until both readers are done, so every reader overlaps with start, stop and the clock
        CountDownLatch readersDone = new CountDownLatch(2);
        List<Callable<Void>> work = new ArrayList<>();
        work.add(() -> {
            go.await();
            for (int round = 0; readersDone.getCount() > 0; round++) {
                startOrStop(jobId, round % 2 == 0);
            }
            return null;
        });
        work.add(() -> {
            go.await();
            while (readersDone.getCount() > 0) {
                MOCK.advanceClock(Duration.ofSeconds(1));
            }
            return null;
        });
        work.add(() -> {
            go.await();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    answered.add(get(jobId));
                }
            } finally {
                readersDone.countDown();
            }
            return null;
        });
        work.add(() -> {
            go.await();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    List<JobInfo> jobs = MOCK.jobs(ORG);
                    handedOut.add(Map.entry(jobs, Json.write(jobs)));
                }
            } finally {
                readersDone.countDown();
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

        assertThat(answered).hasSize(ROUNDS).allSatisfy(job -> {
            assertThat(job.path("status").asText()).isIn("started", "stopped");
            assertThat(withoutStatus(job)).isEqualTo(rest);
        });
        List<String> statuses = answered.stream().map(job -> job.path("status").asText()).distinct().toList();
        assertThat(statuses).as("the readers saw the job both started and stopped").hasSize(2);
        assertThat(handedOut).hasSize(ROUNDS);
        long changed = handedOut.stream().filter(answer -> !Json.write(answer.getKey())
                .equals(answer.getValue())).count();
        assertThat(changed).as("jobs(orgId) answers that read differently when written again later, of " + ROUNDS)
                .isZero();
    }

    /** Starts or stops the job; the other of the two is refused when it is in that status already. */
    private static void startOrStop(String jobId, boolean start) {
        try {
            if (start) {
                MOCK.server().startJob(ORG, jobId);
            } else {
                MOCK.server().stopJob(ORG, jobId);
            }
        } catch (OtaRuleException already) {
            assertThat(already.code()).isIn(24615, 24616);
        }
    }
}
