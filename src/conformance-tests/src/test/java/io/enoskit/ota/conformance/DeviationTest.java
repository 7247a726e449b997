package io.enoskit.ota.conformance;

import static io.enoskit.ota.conformance.TestDoubles.action;
import static io.enoskit.ota.conformance.TestDoubles.answerInstead;
import static io.enoskit.ota.conformance.TestDoubles.api;
import static io.enoskit.ota.conformance.TestDoubles.body;
import static io.enoskit.ota.conformance.TestDoubles.changeAnswer;
import static io.enoskit.ota.conformance.TestDoubles.changeRequest;
import static io.enoskit.ota.conformance.TestDoubles.eachRecord;
import static io.enoskit.ota.conformance.TestDoubles.envelope;
import static io.enoskit.ota.conformance.TestDoubles.firmwareAction;
import static io.enoskit.ota.conformance.TestDoubles.queryAbsent;
import static io.enoskit.ota.conformance.TestDoubles.queryIs;
import static io.enoskit.ota.conformance.TestDoubles.tokenService;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.model.JobInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit catches every documented deviation: for each rule of the spec's catalogue, a server that breaks that rule
 * only (the mock plus one test-double extension) makes {@code conform --allow-writes} exit 1 naming exactly the
 * rules that deviation breaks: over every feature without gateway authentication, and over the guarding features
 * behind it. A rule guarded only by scenarios of the mock's simulation ({@code @mock-only}) is shown with the double
 * inside the in-process mock. The expected failures of these runs stay out of the build log (the summaries are kept
 * under {@code target/conformance-runs/}).
 */
class DeviationTest {
    private static final String OTHER_ORG = "enos-ota-kit-no-such-org-";
    private static final String MISSING_JOB = "enos-ota-kit-no-such-job";
    /** The upgradeScope selectors SCOPE-SELECTORS guards. */
    private static final List<String> SELECTORS = List.of("tags", "attributes", "assetTrees");

    /**
     * A server that breaks one rule, and the rules the run must then fail; {@code inProcess} when the rule is
     * guarded by scenarios that drive the mock's simulation ({@code @mock-only}), so the run's target is the
     * in-process mock with the test double in it rather than a base URL.
     */
    record Deviation(String rule, String how, GatewayAuth gatewayAuth, Set<String> failed, boolean inProcess,
                     Extension... doubles) {
        @Override
        public String toString() {
            return rule + ": " + how;
        }
    }

    static Stream<Deviation> apiDeviations() {
        return Stream.of(
                wrong("ENV-SUCCESS", "success answers say msg \"Success\"",
                        Set.of("ENV-SUCCESS", "FIRMWARE-DELETE"),
                        changeAnswer(api(), answer -> code(answer) == 0 ? answer.put("msg", "Success") : answer)),
                wrong("ENV-ERROR", "error answers carry data {}",
                        changeAnswer(api(), answer -> code(answer) != 0 ? withEmptyData(answer) : answer)),
                wrong("ENV-REQUESTID", "every answer carries the same requestId",
                        changeAnswer(api(), answer -> answer.put("requestId", "0bdefc0f-369f-4664-a570-695f4e31877c"))),
                wrong("CREATE-SAMPLE", "the page's sample is refused for its startSchedule",
                        Set.of("CREATE-SAMPLE", "GET-READBACK"),
                        answerInstead(action("create").and(body(b -> b.has("startSchedule"))), 200,
                                envelope(99400, "Invalid Argument startSchedule: not a field", null))),
                wrong("CREATE-VERIFY", "a verification job on one device without upgradeTimeout is refused",
                        Set.of("CREATE-VERIFY", "CREATE-DEFAULT-TIMEOUT"),
                        answerInstead(action("create").and(body(b -> type(b, "verify")
                                        && "partial".equals(b.path("upgradeScope").path("type").asText())
                                        && b.path("upgradeScope").path("deviceKeys").size() == 1
                                        && !b.has("upgradeTimeout"))), 200,
                                envelope(99400, "Invalid Argument upgradeScope: not allowed", null))),
                wrong("CREATE-QUERY-MANDATORY", "a create without orgId is accepted",
                        answerInstead(action("create").and(queryAbsent("orgId")), 200, created())),
                wrong("CREATE-UPGRADE-MANDATORY", "an upgrade job without enableUpgradeRequest is accepted",
                        answerInstead(action("create").and(body(b -> type(b, "upgrade")
                                && !b.has("enableUpgradeRequest"))), 200, created())),
                wrong("CREATE-VERIFY-MANDATORY", "a verification job without upgradeScope is accepted",
                        answerInstead(action("create").and(body(b -> type(b, "verify") && !b.has("upgradeScope"))),
                                200, created())),
                wrong("CREATE-TYPE-VALUES", "type \"upgrading\" is taken as upgrade",
                        changeRequest(action("create").and(body(b -> type(b, "upgrading"))), Map.of(),
                                b -> b.put("type", "upgrade"))),
                wrong("CREATE-POLICY-VALUES", "upgradePolicy \"full\" is taken as snapshot",
                        changeRequest(action("create").and(body(b -> "full".equals(b.path("upgradePolicy").asText()))),
                                Map.of(), b -> b.put("upgradePolicy", "snapshot"))),
                wrong("CREATE-TIMEOUT-RANGE", "a verification job's upgradeTimeout is not checked",
                        changeRequest(action("create").and(body(b -> type(b, "verify") && b.has("upgradeTimeout")
                                        && !OpenApiContract.load().withinBounds("UpgradeTimeout",
                                        b.path("upgradeTimeout").asLong()))), Map.of(),
                                b -> {
                                    b.remove("upgradeTimeout");
                                    return b;
                                })),
                wrong("CREATE-UNREADABLE", "a body that is not a JSON object gets HTTP 500",
                        answerInstead(action("create").and(request -> {
                            JsonNode parsed = TestDoubles.json(request.getBodyAsString());
                            return parsed == null || !parsed.isObject();
                        }), 500, "<html><body>Internal Server Error</body></html>")),
                wrong("CREATE-DEFAULT-TIMEOUT", "the default upgradeTimeout is 3600",
                        changeAnswer(action("get"), answer -> data(answer, job -> job.path("upgradeTimeout")
                                .asLong() == 7200 ? job.put("upgradeTimeout", 3600) : job))),
                wrong("CREATE-DEFAULT-CONCURRENCY", "the default maximumConcurrency is 100",
                        changeAnswer(action("get"), answer -> data(answer, job -> job.path("maximumConcurrency")
                                .asInt() == 300 ? job.put("maximumConcurrency", 100) : job))),
                wrong("CREATE-DEFAULT-RETRY", "jobs retry by default",
                        changeAnswer(action("get"), answer -> data(answer, job -> {
                            job.putObject("retryPolicy").put("enableRetry", true).put("retryInterval", 60)
                                    .put("retryCount", 3);
                            return job;
                        }))),
                wrong("CREATE-DEFAULT-SCHEDULE", "the default schedule does not repeat daily",
                        changeAnswer(action("get"), answer -> data(answer, job -> {
                            if (job.path("schedulePolicy").isObject()) {
                                ((ObjectNode) job.get("schedulePolicy")).put("isRepeatDaily", false);
                            }
                            return job;
                        }))),
                wrong("CREATE-24404", "an unknown firmware is answered 24400",
                        changeAnswer(action("create"), answer -> code(answer) == 24404 ? answer.put("code", 24400)
                                : answer)),
                wrong("CREATE-24610", "an unverified firmware takes upgrade jobs",
                        changeRequest(action("create").and(queryIs("firmwareId", "unverifiedFirmwareId"))
                                .and(body(b -> type(b, "upgrade"))), Map.of("firmwareId", "yourFirmwareId"),
                                b -> b)),
                wrong("CREATE-24611", "a verification job with the scope total is accepted",
                        changeRequest(action("create").and(body(b -> type(b, "verify")
                                        && "total".equals(b.path("upgradeScope").path("type").asText()))), Map.of(),
                                b -> {
                                    ((ObjectNode) b.get("upgradeScope")).put("type", "partial");
                                    return b;
                                })),
                wrong("CREATE-24612", "24612 names another limit than the firmware's",
                        changeAnswer(action("create"), answer -> code(answer) == 24612
                                ? answer.put("msg", "Exceeded max verification deviceKeys, max[10]") : answer)),
                wrong("CREATE-24612-AT-LIMIT", "a verification job naming exactly the limit is refused",
                        answerInstead(action("create").and(body(b -> type(b, "verify")
                                        && b.path("upgradeScope").path("deviceKeys").size() == 5)), 200,
                                envelope(24612, "Exceeded max verification deviceKeys, max[5]", null))),
                wrong("GET-READBACK", "a job is read back with other device keys",
                        changeAnswer(action("get"), answer -> data(answer, job -> {
                            ((ObjectNode) job.get("upgradeScope")).putArray("deviceKeys").add("someone-elses-device");
                            return job;
                        }))),
                wrong("GET-SHAPE", "a job is read back with upgradeTimeout as a string",
                        changeAnswer(action("get"), answer -> data(answer, job -> job.put("upgradeTimeout",
                                job.path("upgradeTimeout").asText())))),
                wrong("GET-24404", "a job that does not exist is answered 24400",
                        changeAnswer(action("get").and(queryIs("jobId", MISSING_JOB)),
                                answer -> answer.put("code", 24400))),
                wrong("ACTION-24404", "stopping a job that does not exist is answered OK",
                        answerInstead(action("stop").and(queryIs("jobId", MISSING_JOB)), 200,
                                envelope(0, "OK", null))),
                wrong("START-24615", "starting a started job is answered OK",
                        changeAnswer(action("start"), answer -> code(answer) == 24615 ? ok(answer) : answer)),
                wrong("STOP-24616", "stopping a stopped job is answered OK",
                        changeAnswer(action("stop"), answer -> code(answer) == 24616 ? ok(answer) : answer)),
                wrong("DELETE-24618", "deleting a started job is answered OK",
                        changeAnswer(action("delete"), answer -> code(answer) == 24618 ? ok(answer) : answer)),
                wrong("DELETE-GONE", "a deleted stopped job can still be read", new KeepsDeletedJobs()),
                wrong("ISO-READ", "another organization reads the job",
                        changeRequest(action("get").and(orgIsOther()), Map.of("orgId", "yourOrgId"), b -> b)),
                wrong("ISO-FIRMWARE", "another organization creates a job on the firmware",
                        changeRequest(action("create").and(orgIsOther()), Map.of("orgId", "yourOrgId"), b -> b)),
                wrong("ISO-DELETE", "another organization deletes the job",
                        changeRequest(action("delete").and(orgIsOther()), Map.of("orgId", "yourOrgId"), b -> b)),
                wrong("SEARCH-JOB-FOUND", "the jobs a search answers carry no firmwareId",
                        changeAnswer(action("search"), answer -> eachRecord(answer, job -> job.remove("firmwareId")))),
                wrong("SEARCH-JOB-BY-VERSION", "a search by firmwareVersion finds no job",
                        changeAnswer(action("search").and(body(b -> b.path("expression").asText("")
                                .startsWith("firmwareVersion"))), answer -> {
                                    if (answer.path("data").isArray()) {
                                        answer.putArray("data");
                                    }
                                    if (answer.path("pagination").isObject()) {
                                        ((ObjectNode) answer.get("pagination")).put("totalSize", 0);
                                    }
                                    return answer;
                                })),
                wrong("SEARCH-JOB-FILTER", "a search by type ignores its expression",
                        changeRequest(action("search").and(body(b -> b.path("expression").asText("")
                                .startsWith("type"))), Map.of(), b -> {
                                    b.remove("expression");
                                    return b;
                                })),
                wrong("SEARCH-JOB-PAGINATION", "a search ignores pageSize 1 and answers a page of 200",
                        changeRequest(action("search").and(body(b -> b.path("pagination").path("pageSize").asInt()
                                == 1)), Map.of(), b -> {
                                    ((ObjectNode) b.get("pagination")).put("pageSize", 200);
                                    return b;
                                })),
                wrong("SEARCH-JOB-ORDER", "a search answers the oldest job first",
                        changeAnswer(action("search"), answer -> {
                            if (answer.path("data").isArray()) {
                                List<JsonNode> jobs = new ArrayList<>();
                                answer.get("data").forEach(jobs::add);
                                Collections.reverse(jobs);
                                answer.putArray("data").addAll(jobs);
                            }
                            return answer;
                        })),
                wrong("SEARCH-JOB-ISOLATION", "another organization's search sees the organization's jobs",
                        changeRequest(action("search").and(orgIsOther()), Map.of("orgId", "yourOrgId"), b -> b)),
                wrong("SEARCH-TASK-ANSWER", "Search OTA Task answers without pagination",
                        changeAnswer(action("searchTask"), answer -> {
                            answer.remove("pagination");
                            return answer;
                        })),
                wrongInTheSimulation("TASK-STATUS-VALUES", "a task upgrading at 0 is answered with progress -1",
                        changeAnswer(action("searchTask"), answer -> eachRecord(answer, task -> {
                            if ("upgrading".equals(task.path("status").asText())
                                    && task.path("progress").asInt() == 0) {
                                task.put("progress", -1);
                            }
                        }))),
                wrong("TASK-ACTION-24404", "cancel and retry of a job that does not exist are answered OK",
                        answerInstead(action("cancelTask").or(action("retryTask")).and(queryIs("jobId", MISSING_JOB)),
                                200, envelope(0, "OK", null))),
                wrong("TASK-ACTION-24617", "cancel and retry on a stopped job are answered OK",
                        changeAnswer(action("cancelTask").or(action("retryTask")),
                                answer -> code(answer) == 24617 ? ok(answer) : answer)),
                wrongInTheSimulation("CANCEL-24620", "cancelling an upgrading task is answered OK",
                        changeAnswer(action("cancelTask"), answer -> code(answer) == 24620 ? ok(answer) : answer)),
                wrongInTheSimulation("RETRY-24621", "retrying a task that has not failed is answered OK",
                        changeAnswer(action("retryTask"), answer -> code(answer) == 24621 ? ok(answer) : answer)),
                wrong("CANCEL-24620", "any task may be cancelled, on a gateway",
                        changeAnswer(action("cancelTask"), answer -> code(answer) == 24620 ? ok(answer) : answer)),
                wrong("RETRY-24621", "any task may be retried, on a gateway",
                        changeAnswer(action("retryTask"), answer -> code(answer) == 24621 ? ok(answer) : answer)),
                wrong("FIRMWARE-GET", "Get Firmware File answers another firmware's id",
                        Set.of("FIRMWARE-GET", "FIRMWARE-CREATE"),
                        changeAnswer(firmwareAction("get"), answer -> data(answer, firmware ->
                                firmware.put("firmwareId", "someone-elses-firmware")))),
                wrong("FIRMWARE-24404", "a firmware that does not exist is answered 24400",
                        Set.of("FIRMWARE-24404", "FIRMWARE-DELETE"),
                        changeAnswer(firmwareAction("get"), answer -> code(answer) == 24404
                                ? answer.put("code", 24400) : answer)),
                wrong("FIRMWARE-SEARCH", "Search Firmware File ignores its expression",
                        changeRequest(firmwareAction("search"), Map.of(), b -> {
                            b.remove("expression");
                            return b;
                        })),
                wrongInTheSimulation("SCOPE-SELECTORS", "tags, attributes and asset trees are dropped: the job takes"
                                + " every device of the product",
                        changeRequest(action("create").and(body(b -> SELECTORS.stream()
                                .anyMatch(b.path("upgradeScope")::has))), Map.of(), b -> {
                            ((ObjectNode) b.get("upgradeScope")).remove(SELECTORS);
                            return b;
                        })),
                wrong("DEVICE-UPGRADE-SEARCH", "Search Device Upgrade answers without pagination",
                        changeAnswer(firmwareAction("searchDeviceUpgrade"), answer -> {
                            answer.remove("pagination");
                            return answer;
                        })),
                wrong("DEVICE-UPGRADE-VERSION", "Search Device Upgrade ignores a firmwareVersion expression",
                        changeRequest(firmwareAction("searchDeviceUpgrade").and(body(b -> b.path("expression")
                                .asText("").contains("firmwareVersion"))), Map.of(), b -> {
                            b.remove("expression");
                            return b;
                        })),
                wrong("FIRMWARE-CREATE", "Get Firmware File answers an uploaded firmware's fileSize as 0",
                        changeAnswer(firmwareAction("get"), answer -> data(answer, firmware ->
                                firmware.has("fileSize") ? firmware.put("fileSize", 0) : firmware))),
                wrong("FIRMWARE-CREATE-MANDATORY", "an upload whose metadata has no sign is accepted",
                        answerInstead(firmwareAction("create").and(request ->
                                        !request.getBodyAsString().contains("\"sign\"")), 200,
                                envelope(0, "OK", Map.of("firmwareId", "5ee1a91029b990001b9c1890")))),
                wrong("FIRMWARE-DELETE", "Delete Firmware answers OK and keeps an uploaded firmware",
                        answerInstead(firmwareAction("delete").and(request -> String.valueOf(
                                TestDoubles.query(request).get("firmwareId")).matches("[0-9a-f]{24}")), 200,
                                envelope(0, "OK", null))),
                wrong("FIRMWARE-DELETE-24404", "Delete Firmware of a firmware that does not exist answers OK",
                        changeAnswer(firmwareAction("delete"), answer -> code(answer) == 24404 ? ok(answer)
                                : answer)));
    }

    static Stream<Deviation> authDeviations() {
        return Stream.of(
                new Deviation("AUTH-NO-TOKEN", "calls without a token are served", GatewayAuth.OFF,
                        Set.of("AUTH-NO-TOKEN"), false, TestGateway.servingCallsWithoutToken()),
                new Deviation("AUTH-FORGED-TOKEN", "any made-up token is served", GatewayAuth.OFF,
                        Set.of("AUTH-FORGED-TOKEN"), false, TestGateway.servingUnknownTokens()),
                new Deviation("AUTH-BAD-SIGNATURE", "signatures are not checked", GatewayAuth.OFF,
                        Set.of("AUTH-BAD-SIGNATURE"), false, TestGateway.notCheckingSignatures()),
                new Deviation("AUTH-TOKEN-ENCRYPTION", "a token is issued for a wrong encryption",
                        GatewayAuth.REQUIRED, Set.of("AUTH-TOKEN-ENCRYPTION"), false,
                        changeRequest(tokenService(), Map.of(), b -> b.put("encryption", ApimSignature.encryption(
                                b.path("appKey").asText(), b.path("timestamp").asLong(), Targets.APP_SECRET)))),
                new Deviation("AUTH-TOKEN-SHAPE", "the token service answers code instead of status",
                        GatewayAuth.REQUIRED, Set.of("AUTH-TOKEN-SHAPE"), false,
                        changeAnswer(tokenService(), answer -> {
                            answer.set("code", answer.remove("status"));
                            return answer;
                        })));
    }

    @Test
    void everyRuleOfTheCatalogueHasAServerThatBreaksIt() {
        Set<String> covered = Stream.concat(apiDeviations(), authDeviations()).map(Deviation::rule)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).isEqualTo(OpenApiContract.allRules().stream().map(DocumentedRule::id)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiDeviations")
    void eachDeviationFailsExactlyItsRulesWithoutGatewayAuth(Deviation deviation) {
        Targets.Run run = deviation.inProcess()
                ? Targets.runInProcess(deviation.toString(), TargetConfig.Auth.NONE, null, deviation.doubles())
                : Targets.run(deviation.toString(), GatewayAuth.OFF, TargetConfig.Auth.NONE, null,
                        deviation.doubles());

        assertFailsExactly(run, deviation);
    }

    /**
     * Behind a gateway that checks every call, each deviation is still caught. The run is of the features that guard
     * the deviation's rules only: the run above has shown that the deviation breaks nothing else, and a full run
     * per deviation twice over would double the time of this test.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("apiDeviations")
    void eachDeviationFailsExactlyItsRulesBehindGatewayAuth(Deviation deviation) {
        String guarding = GuardingFeatures.of(deviation.failed());
        Targets.Run run = deviation.inProcess()
                ? Targets.runInProcess(deviation + " (auth)", TargetConfig.Auth.TOKEN, guarding,
                        Targets.behindGateway(deviation.doubles()))
                : Targets.run(deviation + " (auth)", GatewayAuth.OFF, TargetConfig.Auth.TOKEN, guarding,
                        Targets.behindGateway(deviation.doubles()));

        assertFailsExactly(run, deviation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authDeviations")
    void eachAuthenticationDeviationFailsExactlyItsRule(Deviation deviation) {
        Targets.Run run = Targets.run(deviation.toString(), deviation.gatewayAuth(), TargetConfig.Auth.TOKEN, null,
                deviation.doubles());

        assertFailsExactly(run, deviation);
    }

    private static void assertFailsExactly(Targets.Run run, Deviation deviation) {
        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.RULE_FAILED);
        assertThat(run.failedRules()).as(run.printed()).containsExactlyInAnyOrderElementsOf(deviation.failed());
        assertThat(run.outcome().message()).contains(deviation.rule());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Deviation wrong(String rule, String how, Extension double_) {
        return wrong(rule, how, Set.of(rule), double_);
    }

    private static Deviation wrong(String rule, String how, Set<String> failed, Extension double_) {
        return new Deviation(rule, how, GatewayAuth.OFF, failed, false, double_);
    }

    /** A deviation of a rule guarded by {@code @mock-only} scenarios: the run's target is the in-process mock. */
    private static Deviation wrongInTheSimulation(String rule, String how, Extension double_) {
        return new Deviation(rule, how, GatewayAuth.OFF, Set.of(rule), true, double_);
    }

    private static int code(ObjectNode answer) {
        return answer.path("code").asInt(-1);
    }

    private static boolean type(JsonNode body, String type) {
        return type.equals(body.path("type").asText());
    }

    private static ObjectNode ok(ObjectNode answer) {
        return answer.put("code", 0).put("msg", "OK");
    }

    private static ObjectNode withEmptyData(ObjectNode answer) {
        answer.putObject("data");
        return answer;
    }

    private static ObjectNode data(ObjectNode answer, UnaryOperator<ObjectNode> change) {
        if (code(answer) == 0 && answer.path("data").isObject()) {
            change.apply((ObjectNode) answer.get("data"));
        }
        return answer;
    }

    private static Map<String, Object> created() {
        return envelope(0, "OK", Map.of("jobId", "5f0e0c30c9a715c9f3c1a199"));
    }

    private static Predicate<Request> orgIsOther() {
        return request -> String.valueOf(TestDoubles.query(request).get("orgId")).startsWith(OTHER_ORG);
    }

    /** Delete OTA Job of a stopped job answers OK and deletes nothing (a started job is left to the mock: 24618). */
    static final class KeepsDeletedJobs implements StubRequestFilterV2, Targets.ServerAware {
        private volatile OtaMockServer server;

        @Override
        public void server(OtaMockServer mock) {
            this.server = mock;
        }

        @Override
        public String getName() {
            return "keeps-deleted-jobs";
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent event) {
            Map<String, String> query = TestDoubles.query(request);
            if (!action("delete").test(request) || !"yourOrgId".equals(query.get("orgId"))) {
                return RequestFilterAction.continueWith(request);
            }
            boolean stopped = server.jobs("yourOrgId").stream().anyMatch(job -> job.getJobId().equals(query.get("jobId"))
                    && job.getStatus() == JobInfo.StatusEnum.STOPPED);
            return stopped ? RequestFilterAction.stopWith(ResponseDefinitionBuilder.okForJson(envelope(0, "OK", null))
                    .build()) : RequestFilterAction.continueWith(request);
        }
    }
}
