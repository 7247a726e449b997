package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.HostileRequest.Expect.ANY;
import static io.enoskit.ota.reliability.HostileRequest.Expect.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.reliability.BodyMutations.Mutation;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for every operation but create ({@link Operation}), driven by each operation's own spec document
 * ({@link SpecModel}): the query from the document's parameters, the body from its request examples changed along its
 * request schema ({@link BodyMutations}: Search OTA Job/Task and Search Firmware File share {@code SearchRequest},
 * Cancel/Retry OTA Task have {@code TaskActionRequest}); and the search expressions, hostile in their own ways.
 *
 * <p>What makes a request invalid, beyond the schemas (each stated in the operation's {@code x-enos-error-codes}):
 * a job the org does not have (24404), a firmware it does not have (24404 on Get Firmware File), Cancel/Retry naming
 * a device that has no task in the job (24620/24621), an expression the search cannot read (99400).
 */
final class OperationRequests {
    private static final SpecModel SPEC = SpecModel.load();
    private static final String JSON = "Content-Type: application/json";
    static final String MADE_UP_JOB = "feedface0000000000000000";
    /** The device keys of the job {@code taskJob} supplies: a started verification job of yourOrgId. */
    static final List<String> TASK_JOB_DEVICES = List.of("deviceKey1", "deviceKey2", "deviceKey3");
    /** Every operation but create, which {@link CreateRequests} covers. */
    static final List<Operation> OPERATIONS = Arrays.stream(Operation.values())
            .filter(op -> op != Operation.CREATE_JOB).toList();
    private static final Map<Operation, List<Mutation>> MUTATIONS = new LinkedHashMap<>();

    static {
        for (Operation op : OPERATIONS) {
            JsonNode schema = SPEC.requestBodySchema(op);
            if (schema != null) {
                MUTATIONS.put(op, BodyMutations.forShape(SPEC, schema));
            }
        }
    }

    private OperationRequests() {
    }

    static Route route(Operation op) {
        return op.method().equals("GET") ? Route.GET : Route.ACTION;
    }

    static boolean namesJob(Operation op) {
        return SPEC.parameters(op).stream().anyMatch(p -> p.path("name").asText().equals("jobId"));
    }

    /** A valid query of the operation: each required parameter of its document, with a value by its name. */
    static String target(Operation op, String org, String jobId, String firmwareId) {
        StringBuilder t = new StringBuilder(op.path());
        char sep = '?';
        for (JsonNode p : SPEC.parameters(op)) {
            if (!p.path("required").asBoolean(false) || !p.path("in").asText().equals("query")) {
                continue;
            }
            String name = p.path("name").asText();
            String value = switch (name) {
                case "action" -> op.action();
                case "orgId" -> org;
                case "jobId" -> jobId;
                case "firmwareId" -> firmwareId;
                default -> throw new IllegalStateException("no value known for the parameter " + name + " of " + op);
            };
            t.append(sep).append(name).append('=').append(value);
            sep = '&';
        }
        return t.toString();
    }

    /** The bodies to start from: the document's request examples, or the schema's smallest value. */
    static List<ObjectNode> startBodies(Operation op) {
        List<ObjectNode> out = new ArrayList<>(SPEC.requestExamples(op).values());
        JsonNode schema = SPEC.requestBodySchema(op);
        if (schema != null) {
            out.add((ObjectNode) SPEC.minimal(schema));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. every operation, its body changed along its document's schema

    /**
     * @param taskJob a started job of yourOrgId with the devices {@link #TASK_JOB_DEVICES} (or a made-up id)
     */
    static Arbitrary<HostileRequest> specDriven(Supplier<String> taskJob) {
        return Arbitraries.of(OPERATIONS).flatMap(op -> {
            List<ObjectNode> starts = startBodies(op);
            Arbitrary<Integer> start = starts.isEmpty() ? Arbitraries.just(-1)
                    : Arbitraries.integers().between(-1, starts.size() - 1);
            Arbitrary<List<Mutation>> mutations = MUTATIONS.containsKey(op)
                    ? Arbitraries.of(MUTATIONS.get(op)).list().ofMinSize(0).ofMaxSize(3)
                    : Arbitraries.just(List.of());
            Arbitrary<String> ids = Arbitraries.frequency(Tuple.of(5, "real"), Tuple.of(1, "made-up"));
            Arbitrary<String> firmwares = Arbitraries.frequency(Tuple.of(4, Api.FIRMWARE), Tuple.of(2, Api.UNVERIFIED),
                    Tuple.of(1, "noSuchFirmware"));
            return Combinators.combine(start, mutations, ids, firmwares).as((s, m, id, fw) -> {
                List<String> notes = new ArrayList<>();
                Expect expect = ANY;
                String jobId = id.equals("real") ? taskJob.get() : MADE_UP_JOB;
                if (namesJob(op) && jobId.startsWith("feedface")) {
                    expect = INVALID;
                    notes.add("a job yourOrgId does not have");
                }
                if (op == Operation.GET_FIRMWARE && !Api.FIRMWARES.contains(fw)) {
                    expect = INVALID;
                    notes.add("a firmware yourOrgId does not have");
                }
                byte[] bytes = null;
                List<String> headers = new ArrayList<>();
                if (s >= 0 || SPEC.requestBodySchema(op) != null) {
                    ObjectNode body = s >= 0 ? starts.get(s).deepCopy() : null;
                    if (body == null) {
                        notes.add("no body");
                        if (SPEC.bodyRequired(op)) {
                            expect = INVALID;
                            notes.add("(the body is required)");
                        }
                    } else {
                        headers.add(JSON);
                        notes.add("body " + (s < starts.size() - 1 ? "example #" + s : "smallest valid"));
                        List<Mutation> applied = new ArrayList<>();
                        for (Mutation mutation : m) {
                            if (mutation.apply(body)) {
                                applied.add(mutation);
                                notes.add(mutation.note());
                            }
                        }
                        for (Mutation mutation : applied) {
                            if (mutation.expect() == INVALID && mutation.holds(body)) {
                                expect = INVALID;
                            }
                        }
                        expect = expect.and(taskDevices(op, body, notes));
                        bytes = Api.write(body).getBytes(StandardCharsets.UTF_8);
                        if (bytes.length > Api.MAX_BODY_BYTES) {
                            expect = INVALID;
                            notes.add("(over the body limit)");
                        }
                    }
                }
                String target = target(op, Api.ORG, jobId, fw);
                notes.add(0, op.id() + " " + target);
                return HostileRequest.of("operations-spec/" + op.id(), route(op), expect, op.method(), target,
                        headers, bytes, notes);
            });
        });
    }

    /**
     * Cancel/Retry OTA Task naming a device with no task in the job: 24620/24621 (ota-task-actions.yaml). The job
     * {@code taskJob} supplies has exactly {@link #TASK_JOB_DEVICES}.
     */
    private static Expect taskDevices(Operation op, ObjectNode body, List<String> notes) {
        if (op != Operation.CANCEL_TASKS && op != Operation.RETRY_TASKS) {
            return ANY;
        }
        JsonNode keys = body.path("deviceKeys");
        if (!keys.isArray()) {
            return ANY;
        }
        for (JsonNode key : keys) {
            if (key.isTextual() && !TASK_JOB_DEVICES.contains(key.asText())) {
                notes.add("(device " + shorten(key.asText()) + " has no task in the job)");
                return INVALID;
            }
        }
        return ANY;
    }

    private static String shorten(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. search expressions

    /** The three searches and the conditions their documents list (fields and operators, documented). */
    static final Map<Operation, List<String>> CONDITIONS = Map.of(
            Operation.SEARCH_JOBS, List.of("status = 'started'", "type = 'verify'",
                    "firmwareId in ('yourFirmwareId', 'unverifiedFirmwareId')", "firmwareId = 'yourFirmwareId'",
                    "productKey = 'yourProductKey'", "firmwareVersion in ('1.1', '2.0')", "name like 'job'",
                    "name.en_US like 'a'", "name.zh_CN like '中'", "firmwareName like 'Sample'",
                    "firmwareName.defaultValue like 'x'", "status != 'stopped'"),
            Operation.SEARCH_TASKS, List.of("status = 'init'", "status in ('failed', 'succeeded')",
                    "deviceKey in ('deviceKey1', 'deviceKey2')", "desc = 'Cancelled by user'", "fromVersion = '1.0'",
                    "toVersion in ('1.1')", "jobId = '" + MADE_UP_JOB + "'", "status != 'upgrading'"),
            Operation.SEARCH_FIRMWARE, List.of("name like 'firmware'", "isVerified = True", "isVerified = false",
                    "productKey in ('yourProductKey')", "name.defaultValue like 'Sample'", "productKey = 'p'"));
    /** A field each search does not have (another search's). */
    private static final Map<Operation, String> FOREIGN = Map.of(Operation.SEARCH_JOBS, "deviceKey = 'd'",
            Operation.SEARCH_TASKS, "firmwareName like 'x'", Operation.SEARCH_FIRMWARE, "status = 'init'");

    /** An expression and what the generator knows about it. */
    record Expression(String text, Expect expect, String note) {
    }

    static Arbitrary<Expression> validExpressions(Operation search) {
        List<String> conditions = CONDITIONS.get(search);
        return Combinators.combine(Arbitraries.of(conditions).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(" and ", " or ", " AND ", " Or ").list().ofSize(3),
                Arbitraries.integers().between(0, 3)).as((cs, joins, parens) -> {
            StringBuilder t = new StringBuilder(cs.get(0));
            for (int i = 1; i < cs.size(); i++) {
                t.append(joins.get(i - 1)).append(cs.get(i));
                if (i == parens) {
                    t.insert(0, "(").append(")");
                }
            }
            return new Expression(t.toString(), ANY, "a valid expression");
        });
    }

    private static String nest(String inner, int depth) {
        return "(".repeat(depth) + inner + ")".repeat(depth);
    }

    private static String padTo(String text, int length) {
        return text.length() >= length ? text : text + " ".repeat(length - text.length());
    }

    /** Hostile expressions for one search, each with the generator's claim. */
    static Arbitrary<Expression> hostileExpressions(Operation search) {
        String c = CONDITIONS.get(search).get(0);
        Arbitrary<Expression> nesting = Arbitraries.of(1, 5, 19, 20, 21, 22, 40, 100, 999, 5000).map(d -> {
            String text = nest(c, d);
            boolean invalid = d > 20 || text.length() > 2000;
            return new Expression(text, invalid ? INVALID : ANY, "parentheses " + d + " deep"
                    + (invalid ? " (over the limit of 20)" : ""));
        });
        Arbitrary<Expression> nestingInIn = Arbitraries.of(21, 300).map(d -> new Expression(
                c + " and " + nest(c, d) + " or " + c, INVALID, "parentheses " + d + " deep after and"));
        Arbitrary<Expression> unbalanced = Arbitraries.of(
                new Expression("(" + c, INVALID, "an unclosed parenthesis"),
                new Expression(c + ")", INVALID, "a ')' without '('"),
                new Expression("((" + c + ")", INVALID, "one ')' short"),
                new Expression(")(" + c, INVALID, "')(' in front"),
                new Expression(c.replaceFirst("'$", ""), INVALID, "an unclosed quote at the end"),
                new Expression(c.replaceFirst("'", "\""), INVALID, "a text opened with \" and closed with '"),
                new Expression("'" + c, INVALID, "a stray quote in front"),
                new Expression(c + " and '", INVALID, "a lone quote after and"),
                new Expression(c.replace("'", "''"), INVALID, "quotes doubled around the value"),
                new Expression("\"" + "\\\"".repeat(300), INVALID, "escaped quotes, never closed"),
                new Expression("'" + "x".repeat(1990), INVALID, "a text of 1990 characters never closed"));
        Arbitrary<Expression> lengths = Arbitraries.of(
                new Expression(padTo(c, 2000), ANY, "padded with blanks to 2000 characters"),
                new Expression(padTo(c, 2001), INVALID, "padded with blanks to 2001 characters"),
                new Expression(" ".repeat(2001), INVALID, "2001 blanks"),
                new Expression(padTo(c + " or ", 2001), INVALID, "2001 characters ending in 'or'"),
                new Expression(c + " or " + c.replaceFirst("'[^']*'$", "'" + "ä".repeat(2000) + "'"), INVALID,
                        "a text of 2000 'ä' (over 2000 characters)"),
                new Expression(repeatJoined(c, " or ", 40_000), INVALID, "a 40,000-condition or chain"),
                new Expression("x".repeat(900_000), INVALID, "900,000 characters"),
                new Expression(repeatJoined(c, " and ", 2000 / (c.length() + 5)), ANY,
                        "as many conditions as fit in 2000 characters"));
        Arbitrary<Expression> unicode = Arbitraries.of(
                new Expression(c.replaceFirst("'[^']*'$", "'ä中文😀\u202e'"), ANY, "a unicode value"),
                new Expression(c.replaceFirst("'[^']*'$", "'a\u0000b'"), ANY, "a NUL inside the value"),
                new Expression(c.replaceFirst(" ", "\u0000 "), ANY, "a NUL after the field"),
                new Expression(c + "\u0000", ANY, "a NUL at the end"),
                new Expression("\u0000", ANY, "a NUL alone"),
                new Expression(c.replace("=", "\uff1d").replace(" in ", " \uff49\uff4e ")
                        .replace(" like ", " \uff4c\uff49\uff4b\uff45 "), INVALID, "full-width operators"),
                new Expression("ä" + c, INVALID, "a field name that starts with ä"),
                new Expression(c.replaceFirst(" ", "\u00a0"), ANY, "a no-break space"),
                new Expression("😀".repeat(1001), INVALID, "1001 emoji (no field)"),
                new Expression(c.replaceFirst("'[^']*'$", "'\ud800'"), ANY, "a lone surrogate in the value"),
                new Expression("\ufeff" + c, ANY, "a byte-order mark in front"));
        Arbitrary<Expression> grammar = Arbitraries.of(
                new Expression("", ANY, "empty"),
                new Expression("   \t\n ", ANY, "blanks"),
                new Expression("and", INVALID, "'and' alone"),
                new Expression(c + " and", INVALID, "ends in 'and'"),
                new Expression(c + " or or " + c, INVALID, "'or or'"),
                new Expression("()", INVALID, "empty parentheses"),
                new Expression(c.split(" ")[0], INVALID, "a field alone"),
                new Expression(c.split(" ")[0] + " =", INVALID, "a field and '=' only"),
                new Expression("= 'x'", INVALID, "no field"),
                new Expression(c.split(" ")[0] + " in ()", INVALID, "'in' with no values"),
                new Expression(c.split(" ")[0] + " in ('a', ", INVALID, "'in' list not closed"),
                new Expression(c.split(" ")[0] + " in 'a'", INVALID, "'in' without parentheses"),
                new Expression(c.split(" ")[0] + " == 'a'", INVALID, "'=='"),
                new Expression(c.split(" ")[0] + " <> 'a'", INVALID, "'<>'"),
                new Expression("not " + c, INVALID, "'not'"),
                new Expression("exists(" + c.split(" ")[0] + ")", INVALID, "exists(...)"),
                new Expression("tags.a = 'b'", INVALID, "a tags condition"),
                new Expression(c.split(" ")[0].toUpperCase(Locale.ROOT) + c.substring(c.indexOf(' ')),
                        INVALID, "the field in capitals"),
                new Expression(FOREIGN.get(search), INVALID, "a field of another search"),
                new Expression("nosuchfield = 'x'", INVALID, "an unknown field"),
                new Expression(c.split(" ")[0] + " = 99999999999999999999999999999999", ANY, "a huge number"),
                new Expression(c.split(" ")[0] + " = -1.5", ANY, "a negative fraction"),
                new Expression(c.split(" ")[0] + " = 1e999", ANY, "an exponent"),
                new Expression(c.split(" ")[0] + " = true", ANY, "a boolean"),
                new Expression(c + " ; drop table jobs", INVALID, "a statement after the condition"),
                new Expression(c + " " + c, INVALID, "two conditions without and/or"),
                new Expression("%" + c, INVALID, "a % in front"),
                new Expression("$where: '1'", INVALID, "a Mongo-like operator"));
        return Arbitraries.frequencyOf(Tuple.of(3, validExpressions(search)), Tuple.of(3, nesting),
                Tuple.of(1, nestingInIn), Tuple.of(3, unbalanced), Tuple.of(2, lengths), Tuple.of(3, unicode),
                Tuple.of(4, grammar));
    }

    private static String repeatJoined(String item, String join, int times) {
        StringBuilder t = new StringBuilder(item);
        for (int i = 1; i < times; i++) {
            t.append(join).append(item);
        }
        return t.toString();
    }

    static final List<Operation> SEARCHES = List.of(Operation.SEARCH_JOBS, Operation.SEARCH_TASKS,
            Operation.SEARCH_FIRMWARE);

    /** A search with a hostile expression, sometimes with a valid page too; in yourOrgId. */
    static Arbitrary<HostileRequest> searchExpressions() {
        return Arbitraries.of(SEARCHES).flatMap(search -> Combinators.combine(hostileExpressions(search),
                Arbitraries.of("none", "page", "null")).as((e, page) -> {
            ObjectNode body = SpecModel.NODES.objectNode();
            body.put("expression", e.text());
            switch (page) {
                case "page" -> body.putObject("pagination").put("pageNo", 1).put("pageSize", 200);
                case "null" -> body.putNull("pagination");
                default -> {
                }
            }
            byte[] bytes = Api.write(body).getBytes(StandardCharsets.UTF_8);
            Expect expect = e.expect();
            String size = bytes.length > 200 ? " (" + e.text().length() + " characters)" : "";
            if (bytes.length > Api.MAX_BODY_BYTES) {
                expect = INVALID;
            }
            return HostileRequest.of("search-expressions/" + search.id(), Route.ACTION, expect, "POST",
                    target(search, Api.ORG, MADE_UP_JOB, Api.FIRMWARE), List.of(JSON), bytes,
                    List.of(search.id() + " with " + e.note() + size + ", pagination " + page));
        }));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. task action bodies, beyond the schema-driven changes: in any org, on any job

    static Arbitrary<HostileRequest> taskActionBodies(Supplier<String> taskJob) {
        Arbitrary<Operation> op = Arbitraries.of(Operation.CANCEL_TASKS, Operation.RETRY_TASKS);
        Arbitrary<String> kind = Arbitraries.of("job-devices", "one-device", "empty-body", "empty-object",
                "empty-array", "duplicates", "duplicates-only", "huge-20000", "huge-over-limit", "numbers",
                "strings-as-number", "nested-arrays", "null-items", "null", "object", "string", "empty-key",
                "unknown-field", "deviceKey-singular", "text-garbage", "truncated", "deep", "unicode-keys",
                "long-key");
        Arbitrary<String> job = Arbitraries.frequency(Tuple.of(4, "real"), Tuple.of(1, "made-up"));
        return Combinators.combine(op, kind, job).as((o, k, j) -> {
            String jobId = j.equals("real") ? taskJob.get() : MADE_UP_JOB;
            Expect expect = INVALID;
            String text;
            switch (k) {
                case "job-devices" -> {
                    text = "{\"deviceKeys\":[\"deviceKey1\",\"deviceKey2\",\"deviceKey3\"]}";
                    expect = ANY;
                }
                case "one-device" -> {
                    text = "{\"deviceKeys\":[\"deviceKey2\"]}";
                    expect = ANY;
                }
                case "empty-body" -> text = "";
                case "empty-object" -> text = "{}";
                case "empty-array" -> text = "{\"deviceKeys\":[]}";
                case "duplicates" -> text = "{\"deviceKeys\":[\"deviceKey1\",\"deviceKey2\",\"deviceKey1\"]}";
                case "duplicates-only" -> text = "{\"deviceKeys\":[\"deviceKey1\",\"deviceKey1\"]}";
                case "huge-20000" -> text = keys(20_000, "deviceKey"); // no task for most of them
                case "huge-over-limit" -> text = keys(90_000, "a-rather-long-device-key-"); // over 1 MiB
                case "numbers" -> text = "{\"deviceKeys\":[1,2,3]}";
                case "strings-as-number" -> text = "{\"deviceKeys\":123}";
                case "nested-arrays" -> text = "{\"deviceKeys\":[[\"deviceKey1\"]]}";
                case "null-items" -> text = "{\"deviceKeys\":[null]}";
                case "null" -> text = "{\"deviceKeys\":null}";
                case "object" -> text = "{\"deviceKeys\":{\"deviceKey1\":true}}";
                case "string" -> text = "{\"deviceKeys\":\"deviceKey1\"}";
                case "empty-key" -> text = "{\"deviceKeys\":[\"deviceKey1\",\"\"]}";
                case "unknown-field" -> text = "{\"deviceKeys\":[\"deviceKey1\"],\"force\":true}";
                case "deviceKey-singular" -> text = "{\"deviceKey\":\"deviceKey1\"}";
                case "text-garbage" -> text = "deviceKeys=deviceKey1";
                case "truncated" -> text = "{\"deviceKeys\":[\"deviceKey1\"";
                case "deep" -> text = "{\"deviceKeys\":" + CreateRequests.nested(3000, true) + "}";
                case "unicode-keys" -> text = "{\"deviceKeys\":[\"ä中文😀\",\"a\\u0000b\"]}"; // no such tasks
                default -> text = "{\"deviceKeys\":[\"" + "k".repeat(200_000) + "\"]}";
            }
            if (jobId.startsWith("feedface")) {
                expect = INVALID;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return HostileRequest.of("task-actions/" + o.id(), Route.ACTION, expect, "POST",
                    target(o, Api.ORG, jobId, Api.FIRMWARE), List.of(JSON), bytes,
                    List.of(o.id() + " with body " + k + " on a " + j + " job"
                            + (bytes.length > 200 ? " (" + bytes.length + " bytes)" : "")));
        });
    }

    private static String keys(int n, String prefix) {
        ArrayNode a = SpecModel.NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add(prefix + i);
        }
        return "{\"deviceKeys\":" + Api.write(a) + "}";
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Get Firmware File with odd firmware ids

    static Arbitrary<HostileRequest> firmwareGets() {
        Arbitrary<String> ids = Arbitraries.of(Api.FIRMWARE, Api.UNVERIFIED, "noSuchFirmware", "", "%zz",
                "yourfirmwareid", "%20yourFirmwareId", "yourFirmwareId%00", "a".repeat(5000), "..%2F..%2Fetc",
                "%E2%82%AC", "yourFirmwareId&firmwareId=noSuchFirmware");
        Arbitrary<String> orgs = Arbitraries.frequency(Tuple.of(5, Api.ORG), Tuple.of(1, "otherOrg"),
                Tuple.of(1, "fuzzOrg"));
        return Combinators.combine(ids, orgs).as((id, org) -> {
            boolean known = Set.of(Api.FIRMWARE, Api.UNVERIFIED).contains(id) && org.equals(Api.ORG);
            Expect expect = known ? ANY : INVALID;
            if (id.contains("&firmwareId=") || id.equals("yourfirmwareid") || id.startsWith("%20")) {
                expect = ANY; // no claim: which of two counts, how ids compare, whether blanks are trimmed
            }
            return HostileRequest.of("firmware-get", Route.GET, expect, "GET",
                    target(Operation.GET_FIRMWARE, org, MADE_UP_JOB, id), List.of(), null,
                    List.of("get-firmware of '" + shorten(id) + "' in " + org));
        });
    }
}
