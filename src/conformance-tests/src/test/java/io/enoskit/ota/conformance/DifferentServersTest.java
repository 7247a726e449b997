package io.enoskit.ota.conformance;

import static io.enoskit.ota.conformance.TestDoubles.action;
import static io.enoskit.ota.conformance.TestDoubles.answerInstead;
import static io.enoskit.ota.conformance.TestDoubles.api;
import static io.enoskit.ota.conformance.TestDoubles.changeAnswer;
import static io.enoskit.ota.conformance.TestDoubles.changeStatus;
import static io.enoskit.ota.conformance.TestDoubles.eachRecord;
import static io.enoskit.ota.conformance.TestDoubles.envelope;
import static io.enoskit.ota.conformance.TestDoubles.firmwareAction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.Setting;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit does not fail a correct server that answers unlike the mock: each of these servers follows the vendor
 * pages but differs where the pages leave room (nulls for unset fields, absent optional fields, extra fields,
 * HTTP 400 on errors with the envelope intact, other id formats, another order of checks, 99403 for a foreign
 * organization, jobs created started, another form of refusal; for the searches, tasks and firmware: sortedBy as a
 * list, pagination with totalSize only, extra fields in records, fileSize as a string, taskIds of another form).
 * {@code conform --allow-writes} must exit 0 against each, with and without gateway authentication, and say what
 * differed as observations.
 */
class DifferentServersTest {
    /**
     * The rules whose scenarios at a base URL need tasks of the kit's dormant jobs (or any task of the organization):
     * a gateway that makes no task for a dormant job leaves them to the in-process mock's simulation.
     */
    private static final List<String> TASK_RULES = List.of("CANCEL-24620", "RETRY-24621", "TASK-STATUS-VALUES");

    /**
     * A correct server that differs from the mock, and a text its observations must contain (or null);
     * {@code inProcess} when what differs shows only where device tasks run (the mock's simulation, {@code @mock-only}
     * scenarios).
     */
    record Different(String how, String observed, boolean inProcess, Extension... doubles) {
        Different(String how, String observed, Extension... doubles) {
            this(how, observed, false, doubles);
        }

        @Override
        public String toString() {
            return how;
        }
    }

    static Stream<Different> servers() {
        return Stream.of(
                new Different("the mock itself", null),
                new Different("nulls for every field a job does not set", null,
                        changeAnswer(action("get"), DifferentServersTest::nullsForUnsetFields),
                        changeAnswer(action("search"), answer -> eachRecord(answer, job ->
                                nullsForUnsetFields(asAnswer(job))))),
                new Different("optional fields left out", "no data field",
                        changeAnswer(action("get"), DifferentServersTest::withoutOptionalFields),
                        changeAnswer(action("search"), answer -> eachRecord(answer, job ->
                                withoutOptionalFields(asAnswer(job)))),
                        changeAnswer(api(), answer -> {
                            if (answer.path("code").asInt() != 0) {
                                answer.remove("data");
                            }
                            return answer;
                        })),
                new Different("extra fields in answers", "property 'traceId' is not defined in the schema",
                        changeAnswer(api(), answer -> {
                            answer.put("traceId", "x-123");
                            if (answer.path("data").isObject()) {
                                ((ObjectNode) answer.get("data")).put("productKey", "pk1").putObject("extra")
                                        .put("a", 1);
                            }
                            return answer;
                        })),
                new Different("HTTP 400 on errors, the envelope intact", "HTTP status 400",
                        changeStatus(api(), answer -> answer.path("code").asInt() != 0, 400)),
                new Different("other requestId and jobId formats", "is not a UUID",
                        new OtherIdFormats(), new OtherIdFormats.Answers()),
                new Different("checks in another order: firmware before the request's shape", null,
                        answerInstead(action("create").and(request -> {
                                    String firmwareId = TestDoubles.query(request).get("firmwareId");
                                    return firmwareId != null && !firmwareId.equals("yourFirmwareId")
                                            && !firmwareId.equals("unverifiedFirmwareId");
                                }),
                                200, envelope(24404, "Firmware not found", null))),
                new Different("99403 for another organization", "99403",
                        answerInstead(api().and(request -> String.valueOf(TestDoubles.query(request).get("orgId"))
                                .startsWith("enos-ota-kit-no-such-org-")), 200,
                                envelope(99403, "Denied resource: orgId", null))),
                new Different("jobs created started", "created started", new StartsCreatedJobs()),
                new Different("pagination.sortedBy as the list of sorters applied", null,
                        changeAnswer(api(), answer -> {
                            if (answer.path("pagination").isObject()) {
                                ((ObjectNode) answer.get("pagination")).putArray("sortedBy").addObject()
                                        .put("field", "createTime").put("order", "DESC");
                            }
                            return answer;
                        })),
                new Different("pagination with totalSize only", "pagination.pageNo is absent",
                        changeAnswer(api(), answer -> {
                            if (answer.path("pagination").isObject()) {
                                ((ObjectNode) answer.get("pagination")).remove(List.of("pageNo", "pageSize",
                                        "sortedBy"));
                            }
                            return answer;
                        })),
                new Different("extra fields in searched records, pagination and FirmwareInfo", null,
                        changeAnswer(api(), answer -> {
                            eachRecord(answer, record -> record.put("tenantId", "t-1").putObject("extension")
                                    .put("region", "cn"));
                            if (answer.path("pagination").isObject()) {
                                ((ObjectNode) answer.get("pagination")).put("pageCount", 1);
                            }
                            return answer;
                        }),
                        changeAnswer(firmwareAction("get"), answer -> {
                            if (answer.path("data").isObject()) {
                                ((ObjectNode) answer.get("data")).put("firmwareType", "full").putArray("hwVersions")
                                        .add("A1");
                            }
                            return answer;
                        })),
                new Different("fileSize as a string, the file's sign filled in", null,
                        changeAnswer(firmwareAction("get").or(firmwareAction("search")), answer -> {
                            // a firmware of the state file gets the sample's; an uploaded one keeps its own
                            Consumer<ObjectNode> file = firmware -> {
                                if (!firmware.has("sign")) {
                                    firmware.put("fileSize", "1767").put("signMethod", "md5")
                                            .put("sign", "0f343b0931126a20f133d67c2b018a3b");
                                } else {
                                    firmware.put("fileSize", firmware.path("fileSize").asText());
                                }
                            };
                            if (answer.path("data").isObject()) {
                                file.accept((ObjectNode) answer.get("data"));
                            }
                            return eachRecord(answer, file);
                        })),
                new Different("the verification table to the letter: any other field of a verification job is"
                        + " 99400", null, StrictServers.verificationTableToTheLetter()),
                new Different("the documented Content-Type only, byte for byte", null,
                        StrictServers.documentedContentTypeOnly()),
                new Different("taskId in another format, extra fields in TaskInfo", null, true,
                        changeAnswer(action("searchTask"), answer -> eachRecord(answer, task -> task
                                .put("taskId", "task:" + task.path("jobId").asText() + ":"
                                        + task.path("deviceKey").asText())
                                .put("retryCount", 0).putNull("deviceName")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aCorrectServerThatDiffersPassesWithoutGatewayAuth(Different server) {
        Targets.Run run = server.inProcess()
                ? Targets.runInProcess("different " + server.how(), TargetConfig.Auth.NONE, null, server.doubles())
                : Targets.run("different " + server.how(), GatewayAuth.OFF, TargetConfig.Auth.NONE, null,
                        server.doubles());

        assertPasses(run, server);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aCorrectServerThatDiffersPassesBehindGatewayAuth(Different server) {
        Targets.Run run = server.inProcess()
                ? Targets.runInProcess("different " + server.how() + " (auth)", TargetConfig.Auth.TOKEN, null,
                        Targets.behindGateway(server.doubles()))
                : Targets.run("different " + server.how() + " (auth)", GatewayAuth.OFF,
                        TargetConfig.Auth.TOKEN, null, Targets.behindGateway(server.doubles()));

        assertPasses(run, server);
    }

    @Test
    void theMocksOwnGatewayAuthenticationPassesEveryRuleButTheMockOnlyOne() {
        Targets.Run run = Targets.run("the mock with --auth required", GatewayAuth.REQUIRED, TargetConfig.Auth.TOKEN,
                null);

        // SCOPE-SELECTORS upgrades every device a tag selects, so it runs against the in-process mock only
        int rules = OpenApiContract.allRules().size();
        int exercised = rules - 1;
        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        assertThat(run.outcome().summary().passedRules()).doesNotContain("SCOPE-SELECTORS");
        assertThat(run.printed()).contains("rules exercised " + exercised + "/" + rules + " (98%), passed "
                        + exercised + ", failed 0, skipped 1")
                .contains("drives the mock's admin routes; runs against the mock only");
        assertThat(run.outcome().summary().passedRules()).containsAll(TASK_RULES);
    }

    /** The kit's dormant jobs select devices on a version no device runs; a gateway may well make no task for them. */
    @Test
    void aGatewayThatMakesNoTaskForADormantJobPassesWithTheTaskRulesSkipped() {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            Targets.Run run = Targets.run("no task for dormant jobs", Targets.foreign(server.baseUrl(),
                    TargetConfig.Auth.NONE, Targets.LISTED_DEVICES), null);

            assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
            assertThat(run.outcome().summary().passedRules()).as(run.printed()).doesNotContainAnyElementsOf(TASK_RULES);
            assertThat(run.printed()).contains("the target made no task for the kit's dormant job (its scope selects"
                            + " only devices on a firmware version no device runs), so there is no task to act on"
                            + " (2 scenarios)")
                    .contains("the organization has no device task to check");
        }
    }

    /**
     * A gateway that combines a partial scope's selectors by "any" (profile setting scope.combination: any) is as
     * correct as the mock's default "all": conform against it, with the device keys of its state, passes.
     */
    @Test
    void aGatewayThatCombinesScopeSelectorsByAnyPasses(@TempDir Path folder) throws Exception {
        Path any = Files.writeString(folder.resolve("any.yaml"), """
                profile: any
                settings:
                  scope.combination:
                    value: any
                    source: inferred
                    reason: a gateway that selects a device meeting any selector
                """);
        BehaviourProfile profile = BehaviourProfile.of(List.of(any.toString()));
        assertThat(profile.value(Setting.SCOPE_COMBINATION).text()).isEqualTo("any");
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().profile(profile))) {
            Targets.Run run = Targets.run("scope.combination any", Targets.foreign(server.baseUrl(),
                    TargetConfig.Auth.NONE, Targets.LISTED_DEVICES), null);

            assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        }
    }

    /** The strict servers above refuse what their text says, so that a run passing them shows the kit keeps to it. */
    @Test
    void theStrictServersRefuseWhatTheirTextSays() {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().extensions(
                StrictServers.verificationTableToTheLetter(), StrictServers.documentedContentTypeOnly()))) {
            String verification = Json.write(Map.of("name", Map.of("defaultValue", "v"), "type", "verify",
                    "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1"))));
            String tableOnly = Json.write(Map.of("type", "verify",
                    "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1"))));

            assertThat(create(server, StrictServers.DOCUMENTED_CONTENT_TYPE, verification))
                    .isEqualTo("99400 Invalid Argument name: not a field of a verification job");
            assertThat(create(server, "application/json; charset=UTF-8", tableOnly)).isEqualTo("99400 Invalid"
                    + " Argument Content-Type: must be application/json;charset=UTF-8, was application/json;"
                    + " charset=UTF-8");
            assertThat(create(server, StrictServers.DOCUMENTED_CONTENT_TYPE, tableOnly)).isEqualTo("0 OK");
        }
    }

    private static String create(OtaMockServer server, String contentType, String body) {
        JsonNode answer = TestDoubles.json(RestAssured.given().baseUri(server.baseUrl())
                .contentType(contentType).body(body)
                .queryParam("action", "create").queryParam("orgId", "yourOrgId")
                .queryParam("firmwareId", "yourFirmwareId").post(Operation.JOBS).asString());
        return answer.path("code").asText() + " " + answer.path("msg").asText();
    }

    private static void assertPasses(Targets.Run run, Different server) {
        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        assertThat(run.failedRules()).as(run.printed()).isEmpty();
        if (server.observed() != null) {
            assertThat(run.printed()).as("observations").contains("Observations").contains(server.observed());
        }
    }

    private static ObjectNode nullsForUnsetFields(ObjectNode answer) {
        if (answer.path("code").asInt() != 0 || !answer.path("data").isObject()) {
            return answer;
        }
        ObjectNode job = (ObjectNode) answer.get("data");
        for (String field : List.of("name", "firmwareVersion", "firmwareName", "productKey", "upgradePolicy",
                "enableUpgradeRequest", "retryPolicy", "schedulePolicy", "startSchedule", "endSchedule",
                "maximumConcurrency", "createTime")) {
            if (!job.has(field)) {
                job.putNull(field);
            }
        }
        for (String[] nested : new String[][] {{"retryPolicy", "retryInterval"}, {"retryPolicy", "retryCount"},
            {"schedulePolicy", "endTimestamp"}, {"schedulePolicy", "timezoneOffsetInMinutes"},
            {"upgradeScope", "versionNumbers"}, {"upgradeScope", "deviceKeys"}, {"upgradeScope", "attributes"},
            {"upgradeScope", "tags"}, {"upgradeScope", "assetTrees"}}) {
            if (job.path(nested[0]).isObject() && !job.get(nested[0]).has(nested[1])) {
                ((ObjectNode) job.get(nested[0])).putNull(nested[1]);
            }
        }
        return answer;
    }

    /** A record of a search answer as the data of an answer of its own, for the changes of a Get answer's data. */
    private static ObjectNode asAnswer(ObjectNode record) {
        ObjectNode answer = Json.mapper().createObjectNode().put("code", 0);
        answer.set("data", record);
        return answer;
    }

    private static ObjectNode withoutOptionalFields(ObjectNode answer) {
        if (answer.path("code").asInt() == 0 && answer.path("data").isObject()) {
            ((ObjectNode) answer.get("data")).remove(List.of("firmwareName", "firmwareVersion", "startSchedule",
                    "endSchedule", "createTime", "retryPolicy", "schedulePolicy"));
        }
        return answer;
    }

    /**
     * requestIds that are not UUIDs but numbers, jobIds that are not 24 hex but 32 ({@value #PREFIX} + the mock's id)
     * in every answer (a job, the records of a search), mapped back on requests (the jobId parameter, a jobId in a
     * search expression). Both are forms a profile can name ({@code ids.requestId: numeric}, {@code ids.jobId:
     * hex32}), so the observed profile of this server holds them.
     */
    static final class OtherIdFormats implements StubRequestFilterV2 {
        /** What turns the mock's 24 hex characters into 32; no id the mock makes starts with it before 2106. */
        static final String PREFIX = "ffffffff";

        @Override
        public String getName() {
            return "other-id-formats-requests";
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent event) {
            String jobId = TestDoubles.query(request).get("jobId");
            String body = request.getBodyAsString();
            boolean inQuery = jobId != null && jobId.length() == 32 && jobId.startsWith(PREFIX);
            boolean inExpression = body != null && body.contains("'" + PREFIX);
            if (!inQuery && !inExpression) {
                return RequestFilterAction.continueWith(request);
            }
            RequestWrapper.Builder changed = RequestWrapper.create();
            if (inQuery) {
                changed.transformAbsoluteUrl(url -> TestDoubles.withQuery(url,
                        Map.of("jobId", jobId.substring(PREFIX.length()))));
            }
            if (inExpression) {
                changed.transformBody(original -> new Body(body.replace("'" + PREFIX, "'")));
            }
            return RequestFilterAction.continueWith(changed.wrap(request));
        }

        static final class Answers implements ResponseTransformerV2 {
            private final AtomicLong counter = new AtomicLong();

            @Override
            public String getName() {
                return "other-id-formats-answers";
            }

            @Override
            public Response transform(Response response, ServeEvent event) {
                JsonNode body = TestDoubles.json(response.getBodyAsString());
                if (!api().test(event.getRequest()) || body == null || !body.isObject()) {
                    return response;
                }
                ObjectNode answer = (ObjectNode) body;
                answer.put("requestId", Long.toString(1_000_000 + counter.incrementAndGet()));
                if (answer.path("data").path("jobId").isTextual()) {
                    ((ObjectNode) answer.get("data")).put("jobId", PREFIX + answer.get("data").get("jobId").asText());
                }
                eachRecord(answer, record -> {
                    if (record.path("jobId").isTextual()) {
                        record.put("jobId", PREFIX + record.get("jobId").asText());
                    }
                });
                return Response.Builder.like(response).but().body(Json.write(answer)).build();
            }
        }
    }

    /** Every job is started right after it is created (the page leaves the status after create open). */
    static final class StartsCreatedJobs implements ResponseTransformerV2, Targets.ServerAware {
        private volatile OtaMockServer server;

        @Override
        public void server(OtaMockServer mock) {
            this.server = mock;
        }

        @Override
        public String getName() {
            return "starts-created-jobs";
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            JsonNode body = TestDoubles.json(response.getBodyAsString());
            if (action("create").test(event.getRequest()) && body != null && body.path("code").asInt(-1) == 0) {
                String orgId = TestDoubles.query(event.getRequest()).get("orgId");
                server.startJob(orgId, body.path("data").path("jobId").asText());
            }
            return response;
        }
    }
}
