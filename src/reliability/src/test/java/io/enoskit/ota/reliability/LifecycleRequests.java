package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.HostileRequest.Expect.ANY;
import static io.enoskit.ota.reliability.HostileRequest.Expect.INVALID;

import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the admin routes of the simulation (README "admin routes for tasks, devices and the clock"): the
 * clock ({@code POST /__admin/ota/clock {"advanceSeconds": n}}, a whole number from 0 to a year), devices
 * ({@code GET|PUT /__admin/ota/orgs/{org}/devices[/{deviceKey}]}), a job's tasks
 * ({@code GET /__admin/ota/orgs/{org}/jobs/{jobId}/tasks}) and the fault rules ({@code /__admin/ota/faults}); and the
 * steps of lifecycle sequences (jobs created and started, the clock moved, tasks searched, cancelled, retried).
 * Devices are put into fuzzOrg only, so the other properties' expectations on yourOrgId hold.
 */
final class LifecycleRequests {
    private static final String JSON = "Content-Type: application/json";
    /** The furthest one clock call may move, in seconds (the admin route's documented limit: a year). */
    static final long MAX_ADVANCE = 366L * 86_400;

    private LifecycleRequests() {
    }

    private static HostileRequest admin(String kind, Expect expect, String method, String path, String body,
                                        String note) {
        return HostileRequest.of("admin-lifecycle/" + kind, Route.ADMIN, expect, method, path,
                body == null ? List.of() : List.of(JSON), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                List.of(note));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the clock

    static Arbitrary<HostileRequest> clock() {
        Arbitrary<String> valid = Arbitraries.of("0", "1", "59", "3600", "86400", String.valueOf(30 * 86_400),
                String.valueOf(MAX_ADVANCE));
        Arbitrary<HostileRequest> good = valid.map(n -> admin("clock", ANY, "POST", Api.ADMIN + "/clock",
                "{\"advanceSeconds\":" + n + "}", "move the clock by " + n + " s"));
        Arbitrary<String[]> bad = Arbitraries.of(
                new String[]{"{\"advanceSeconds\":-1}", "negative"},
                new String[]{"{\"advanceSeconds\":-9223372036854775808}", "Long.MIN_VALUE"},
                new String[]{"{\"advanceSeconds\":" + (MAX_ADVANCE + 1) + "}", "a year and a second"},
                new String[]{"{\"advanceSeconds\":9223372036854775807}", "Long.MAX_VALUE"},
                new String[]{"{\"advanceSeconds\":9223372036854775808}", "Long.MAX_VALUE + 1"},
                new String[]{"{\"advanceSeconds\":" + "9".repeat(400) + "}", "a 400-digit number"},
                new String[]{"{\"advanceSeconds\":1e400}", "1e400"},
                new String[]{"{\"advanceSeconds\":0.5}", "a fraction"},
                new String[]{"{\"advanceSeconds\":1.000000001}", "a fraction close to 1"},
                new String[]{"{\"advanceSeconds\":\"60\"}", "a numeric string"},
                new String[]{"{\"advanceSeconds\":\"soon\"}", "a word"},
                new String[]{"{\"advanceSeconds\":null}", "null"},
                new String[]{"{\"advanceSeconds\":true}", "a boolean"},
                new String[]{"{\"advanceSeconds\":[60]}", "an array"},
                new String[]{"{\"advanceSeconds\":{\"s\":60}}", "an object"},
                new String[]{"{\"advanceSeconds\":60,\"extra\":1}", "an unknown field beside it"},
                new String[]{"{\"advanceMillis\":60000}", "another field name"},
                new String[]{"{\"ADVANCESECONDS\":60}", "the name in capitals"},
                new String[]{"{}", "an empty object"},
                new String[]{"", "an empty body"},
                new String[]{"[{\"advanceSeconds\":60}]", "an array body"},
                new String[]{"60", "a bare number"},
                new String[]{"null", "null body"},
                new String[]{"{\"advanceSeconds\":60", "truncated"},
                new String[]{"{\"advanceSeconds\":60}}", "trailing garbage"},
                new String[]{"{\"advanceSeconds\":" + CreateRequests.nested(2000, true) + "}", "nested 2000 deep"},
                new String[]{"{\"advanceSeconds\":\"" + "6".repeat(100_000) + "\"}", "a 100,000-digit string"});
        Arbitrary<HostileRequest> wrong = bad.map(b -> admin("clock", INVALID, "POST", Api.ADMIN + "/clock", b[0],
                "move the clock with " + b[1]));
        Arbitrary<HostileRequest> read = Arbitraries.just(admin("clock", ANY, "GET", Api.ADMIN + "/clock", null,
                "read the clock"));
        Arbitrary<HostileRequest> otherMethods = Arbitraries.of("PUT", "DELETE", "PATCH").map(m -> admin("clock",
                INVALID, m, Api.ADMIN + "/clock", "{\"advanceSeconds\":1}", m + " on the clock"));
        return Arbitraries.frequencyOf(Tuple.of(2, good), Tuple.of(6, wrong), Tuple.of(1, read),
                Tuple.of(1, otherMethods));
    }

    // ---------------------------------------------------------------------------------------------------------
    // devices

    static Arbitrary<HostileRequest> devices() {
        Arbitrary<String> keys = Arbitraries.of("dev1", "dev-2", "ä中文", "%zz", "%2F", "a%00b", "k".repeat(3000),
                "%20");
        Arbitrary<String> bodies = Arbitraries.of("valid", "minimal", "empty", "outcomes-all", "outcomes-unknown",
                "outcomes-string", "outcomes-null-item", "outcomes-number", "outcomes-huge", "productKey-number",
                "firmwareVersion-object", "failureDesc-array", "unknown-field", "orgId-in-body",
                "deviceKey-in-body", "array", "string", "null", "truncated", "trailing", "deep", "huge-version",
                "invalid-utf8", "outcomes-case");
        Arbitrary<HostileRequest> puts = Combinators.combine(keys, bodies).as((key, kind) -> {
            String valid = "{\"productKey\":\"p\",\"assetId\":\"a\",\"firmwareVersion\":\"1.0\","
                    + "\"outcomes\":[\"succeed\"],\"failureDesc\":\"boom\"}";
            Expect expect = INVALID;
            String body;
            switch (kind) {
                case "valid" -> {
                    body = valid;
                    expect = ANY;
                }
                case "minimal", "empty" -> {
                    body = kind.equals("minimal") ? "{}" : "";
                    expect = ANY;
                }
                case "outcomes-all" -> {
                    body = valid.replace("[\"succeed\"]", "[\"fail\",\"stall\",\"succeed\"]");
                    expect = ANY;
                }
                case "outcomes-huge" -> {
                    StringBuilder o = new StringBuilder("[");
                    for (int i = 0; i < 50_000; i++) {
                        o.append(i == 0 ? "" : ",").append("\"fail\"");
                    }
                    body = valid.replace("[\"succeed\"]", o + "]");
                    expect = ANY;
                }
                case "orgId-in-body", "deviceKey-in-body" -> {
                    body = valid.replace("{", "{\"" + (kind.startsWith("orgId") ? "orgId" : "deviceKey")
                            + "\":\"other\",");
                    expect = ANY; // the path names them; no claim on a body that repeats them
                }
                case "huge-version" -> {
                    body = valid.replace("\"1.0\"", "\"" + "v".repeat(300_000) + "\"");
                    expect = ANY;
                }
                case "outcomes-unknown" -> body = valid.replace("succeed", "explode");
                case "outcomes-case" -> body = valid.replace("succeed", "SUCCEED");
                case "outcomes-string" -> body = valid.replace("[\"succeed\"]", "\"fail,stall\"");
                case "outcomes-null-item" -> {
                    body = valid.replace("[\"succeed\"]", "[null]");
                    expect = ANY; // no claim: Jackson may read a null item as no outcome
                }
                case "outcomes-number" -> body = valid.replace("[\"succeed\"]", "[1]");
                case "productKey-number" -> body = valid.replace("\"p\"", "5");
                case "firmwareVersion-object" -> body = valid.replace("\"1.0\"", "{\"v\":1}");
                case "failureDesc-array" -> body = valid.replace("\"boom\"", "[\"boom\"]");
                case "unknown-field" -> body = valid.replace("{", "{\"color\":\"red\",");
                case "array" -> body = "[" + valid + "]";
                case "string" -> body = "\"dev\"";
                case "null" -> body = "null";
                case "truncated" -> body = valid.substring(0, 25);
                case "trailing" -> body = valid + "]";
                case "deep" -> body = valid.replace("\"boom\"", CreateRequests.nested(1500, false));
                default -> body = null;
            }
            byte[] bytes = body != null ? body.getBytes(StandardCharsets.UTF_8)
                    : Bytes.concat("{\"productKey\":\"".getBytes(StandardCharsets.UTF_8),
                    new byte[]{(byte) 0xc3, 0x28}, "\"}".getBytes(StandardCharsets.UTF_8));
            return HostileRequest.of("admin-lifecycle/devices", Route.ADMIN, expect, "PUT",
                    Api.ADMIN + "/orgs/fuzzOrg/devices/" + key, List.of(JSON), bytes,
                    List.of("PUT device '" + (key.length() > 20 ? key.substring(0, 20) + "…" : key)
                            + "' into fuzzOrg with a " + kind + " body"));
        });
        Arbitrary<HostileRequest> lists = Arbitraries.of("fuzzOrg", Api.ORG, "noSuchOrg", "%zz", "o".repeat(3000))
                .map(org -> admin("devices", ANY, "GET", Api.ADMIN + "/orgs/" + org + "/devices", null,
                        "GET devices of " + (org.length() > 20 ? "a long org" : org)));
        return Arbitraries.frequencyOf(Tuple.of(5, puts), Tuple.of(1, lists));
    }

    // ---------------------------------------------------------------------------------------------------------
    // a job's tasks, and the fault rules

    static Arbitrary<HostileRequest> tasksAndFaults(Supplier<String> taskJob) {
        Arbitrary<HostileRequest> tasks = Arbitraries.of("real", "made-up", "%zz", "long", "other-org", "empty")
                .map(kind -> {
                    String org = kind.equals("other-org") ? "fuzzOrg" : Api.ORG;
                    String id = switch (kind) {
                        case "real", "other-org" -> taskJob.get();
                        case "made-up" -> OperationRequests.MADE_UP_JOB;
                        case "%zz" -> "ab%zz";
                        case "long" -> "j".repeat(5000);
                        default -> "";
                    };
                    Expect expect = kind.equals("real") && !id.startsWith("feedface") ? ANY
                            : kind.equals("empty") ? ANY : INVALID;
                    return admin("tasks", expect, "GET", Api.ADMIN + "/orgs/" + org + "/jobs/" + id + "/tasks", null,
                            "GET the tasks of a " + kind + " job of " + org);
                });
        Arbitrary<String[]> badRules = Arbitraries.of(
                new String[]{"{}", "an empty rule"},
                new String[]{"{\"operation\":\"no-such-op\",\"fault\":\"http500\",\"calls\":1}", "an unknown operation"},
                new String[]{"{\"operation\":\"get-job\",\"fault\":\"explode\",\"calls\":1}", "an unknown fault"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":-1,\"calls\":1}", "a negative delay"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":10,\"delayMaxMs\":5,\"calls\":1}",
                        "delayMaxMs below delayMs"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":1,\"share\":0}", "share 0"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":1,\"share\":1.5}", "share 1.5"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":1,\"calls\":0}", "calls 0"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":1,\"calls\":-5}", "negative calls"},
                new String[]{"{\"operation\":\"get-job\",\"delayMs\":\"1\",\"calls\":1,\"x\":1}", "an unknown field"},
                new String[]{"{\"operation\":5,\"delayMs\":1,\"calls\":1,\"share\":\"all\"}", "wrong types"},
                new String[]{"[]", "an array"},
                new String[]{"{\"operation\":\"get-job\"", "truncated"});
        Arbitrary<HostileRequest> faults = Arbitraries.frequencyOf(
                Tuple.of(4, badRules.map(b -> admin("faults", INVALID, "POST", Api.ADMIN + "/faults", b[0],
                        "POST a fault rule: " + b[1]))),
                Tuple.of(1, Arbitraries.just(admin("faults", ANY, "GET", Api.ADMIN + "/faults", null,
                        "GET the fault rules"))),
                Tuple.of(1, Arbitraries.just(admin("faults", ANY, "DELETE", Api.ADMIN + "/faults", null,
                        "DELETE the fault rules"))));
        return Arbitraries.frequencyOf(Tuple.of(2, tasks), Tuple.of(1, faults));
    }

    // ---------------------------------------------------------------------------------------------------------
    // lifecycle sequences

    /** One step of a sequence; {@code job} picks one of the jobs created so far (modulo their count). */
    record Step(String kind, int job, int n, long seconds, int concurrency) {
        @Override
        public String toString() {
            return switch (kind) {
                case "create" -> "create an upgrade job with " + n + " devices, maximumConcurrency " + concurrency;
                case "clock" -> "move the clock by " + seconds + " s";
                default -> kind + " (job #" + job + ", n " + n + ")";
            };
        }
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Integer> job = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 60);
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 30)),
                Tuple.of(2, Arbitraries.longs().between(31, 7200)),
                Tuple.of(1, Arbitraries.of(86_400L, 30L * 86_400, MAX_ADVANCE)));
        Arbitrary<Integer> concurrency = Arbitraries.of(1, 2, 7, 300, 100_000);
        Arbitrary<String> kind = Arbitraries.frequency(Tuple.of(3, "create"), Tuple.of(4, "start"),
                Tuple.of(1, "stop"), Tuple.of(5, "clock"), Tuple.of(4, "search-tasks"), Tuple.of(2, "search-jobs"),
                Tuple.of(2, "cancel"), Tuple.of(2, "retry"), Tuple.of(1, "delete"), Tuple.of(2, "admin-tasks"));
        return Combinators.combine(kind, job, n, seconds, concurrency).as(Step::new);
    }

    /** Device keys of a sequence's job: unlisted devices, and now and then one the org lists as failing or stalling. */
    static List<String> deviceKeys(int job, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(i % 7 == 3 ? "failing" + (i % 2) : i % 11 == 5 ? "stalling" : "j" + job + "-dev" + i);
        }
        return keys.stream().distinct().toList();
    }
}
