package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.HostileRequest.Expect.ANY;
import static io.enoskit.ota.reliability.HostileRequest.Expect.INVALID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the other operations (Get, Start, Stop, Delete OTA Job), the token service and the admin routes,
 * and for what applies to every operation: odd query strings, paths and methods.
 */
final class OtherRequests {
    private static final String JSON = "Content-Type: application/json";

    private OtherRequests() {
    }

    /** An operation, as a valid request, with its query as name/value pairs (values already encoded). */
    record Operation(String name, Route route, String method, String path, List<String[]> query, List<String> headers,
                     byte[] body, List<String> mandatory) {
        String target(List<String[]> q) {
            StringBuilder t = new StringBuilder(path);
            for (int i = 0; i < q.size(); i++) {
                t.append(i == 0 ? '?' : '&').append(q.get(i)[0]);
                if (q.get(i)[1] != null) {
                    t.append('=').append(q.get(i)[1]);
                }
            }
            return t.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String[]> q(String... pairs) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new String[]{pairs[i], pairs[i + 1]});
        }
        return out;
    }

    /**
     * The operations with a valid request each, one per {@link io.enoskit.ota.contract.Operation} (its query from its
     * spec document's parameters, its body the document's first request example) and the token service;
     * {@code jobIds} gives the id of a job that exists (or a made-up one when none does). Cancel/Retry OTA Task send
     * the document's example (devices dk2, dk3), which no job of the suite has: invalid (24620/24621).
     */
    static Arbitrary<Operation> operations(Supplier<String> jobIds) {
        byte[] verify = Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (io.enoskit.ota.contract.Operation op : io.enoskit.ota.contract.Operation.values()) {
            names.add(op.id());
        }
        names.add("token");
        return Arbitraries.of(names).map(name -> {
            if (name.equals("token")) {
                return new Operation(name, Route.TOKEN, "POST", Api.TOKEN_GET, q(), List.of(JSON),
                        tokenBody(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8), List.of());
            }
            io.enoskit.ota.contract.Operation op = io.enoskit.ota.contract.Operation.byId(name).orElseThrow();
            String target = op == io.enoskit.ota.contract.Operation.CREATE_JOB ? Api.create(Api.ORG, Api.FIRMWARE)
                    : OperationRequests.target(op, Api.ORG, OperationRequests.namesJob(op) ? jobIds.get() : "",
                    Api.FIRMWARE);
            List<String[]> query = new ArrayList<>();
            for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.add(new String[]{pair.substring(0, eq), pair.substring(eq + 1)});
            }
            List<String> mandatory = query.stream().map(p -> p[0]).toList();
            byte[] body = null;
            List<String> headers = List.of();
            if (op == io.enoskit.ota.contract.Operation.CREATE_JOB) {
                body = verify;
                headers = List.of(JSON);
            } else if (!OperationRequests.startBodies(op).isEmpty()) {
                body = Api.write(OperationRequests.startBodies(op).get(0)).getBytes(StandardCharsets.UTF_8);
                headers = List.of(JSON);
            }
            Route route = op == io.enoskit.ota.contract.Operation.CREATE_JOB ? Route.CREATE : OperationRequests.route(op);
            return new Operation(op.id(), route, op.method(), op.path(), query, headers, body, mandatory);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // query strings

    /**
     * One change to a query; {@code touches} names the mandatory parameter it changes (null for any other change),
     * so that composing two changes cannot undo the one that made the request invalid.
     */
    record QueryChange(String note, Expect expect, Function<Operation, String> touches,
                       Function<Operation, List<String[]>> apply) {
        QueryChange(String note, Expect expect, Function<Operation, List<String[]>> apply) {
            this(note, expect, op -> null, apply);
        }

        @Override
        public String toString() {
            return note;
        }
    }

    private static List<String[]> copy(List<String[]> q) {
        List<String[]> out = new ArrayList<>();
        q.forEach(p -> out.add(p.clone()));
        return out;
    }

    /** A change to one mandatory parameter, found by name; null (not applied) when the query no longer has it. */
    private static QueryChange onMandatory(String note, Expect expect, int index,
                                           BiConsumer<List<String[]>, Integer> change) {
        return new QueryChange(note, expect,
                op -> op.mandatory().isEmpty() ? null : op.mandatory().get(index % op.mandatory().size()), op -> {
            if (op.mandatory().isEmpty()) {
                return null;
            }
            String name = op.mandatory().get(index % op.mandatory().size());
            List<String[]> q = copy(op.query());
            for (int j = 0; j < q.size(); j++) {
                if (q.get(j)[0].equals(name)) {
                    change.accept(q, j);
                    return q;
                }
            }
            return null;
        });
    }

    static Arbitrary<QueryChange> queryChanges() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 2);
        Arbitrary<QueryChange> onMandatory = Combinators.combine(which, Arbitraries.integers().between(0, 11))
                .as((i, kind) -> switch (kind) {
                    // every occurrence, so that a change composed with "given twice" still leaves it out
                    case 0 -> onMandatory("mandatory parameter #" + i + " left out", INVALID, i, (q, j) -> {
                        String left = q.get(j)[0];
                        q.removeIf(pair -> pair[0].equals(left));
                    });
                    case 1 -> onMandatory("mandatory parameter #" + i + " empty", INVALID, i, (q, j) -> q.get(j)[1] = "");
                    case 2 -> onMandatory("mandatory parameter #" + i + " only blanks", INVALID, i, (q, j) -> q.get(j)[1] = "%20%20");
                    case 3 -> onMandatory("mandatory parameter #" + i + " without =", INVALID, i, (q, j) -> q.get(j)[1] = null);
                    case 4 -> onMandatory("mandatory parameter #" + i + " given twice, same value", ANY, i,
                            (q, j) -> q.add(q.get(j).clone()));
                    case 5 -> onMandatory("mandatory parameter #" + i + " given twice, other value", ANY, i,
                            (q, j) -> q.add(new String[]{q.get(j)[0], "other"}));
                    case 6 -> onMandatory("broken percent-encoding %zz in mandatory parameter #" + i, INVALID, i,
                            (q, j) -> q.get(j)[1] = q.get(j)[1] + "%zz");
                    case 7 -> onMandatory("a lone % ending mandatory parameter #" + i, INVALID, i,
                            (q, j) -> q.get(j)[1] = q.get(j)[1] + "%");
                    case 8 -> onMandatory("invalid UTF-8 %c3%28 in mandatory parameter #" + i, INVALID, i,
                            (q, j) -> q.get(j)[1] = q.get(j)[1] + "%c3%28");
                    case 9 -> onMandatory("mandatory parameter #" + i + " named in capitals", INVALID, i,
                            (q, j) -> q.get(j)[0] = q.get(j)[0].toUpperCase(Locale.ROOT));
                    // The vendor pages set no length nor alphabet for ids: a long id or one with a NUL names an
                    // org, firmware or job that does not exist. A create then gets 24404, but a search of that
                    // org rightly answers an empty page with code 0: either answer may come (invariants a-c hold).
                    case 10 -> onMandatory("mandatory parameter #" + i + " 20000 characters long", ANY, i,
                            (q, j) -> q.get(j)[1] = "L".repeat(20_000));
                    default -> onMandatory("mandatory parameter #" + i + " with a NUL (%00) appended", ANY, i,
                            (q, j) -> q.get(j)[1] = q.get(j)[1] + "%00");
                });
        Arbitrary<QueryChange> harmless = Arbitraries.of(
                new QueryChange("parameters in reverse order", ANY, op -> {
                    List<String[]> q = copy(op.query());
                    Collections.reverse(q);
                    return q;
                }),
                added("an unknown parameter", "foo", "bar"),
                added("an unknown parameter without a value", "foo", null),
                added("an empty parameter name", "", "v"),
                added("empty pairs", "", null),
                added("an unknown parameter of 3000 characters", "long", "x".repeat(3000)),
                added("an unknown parameter of 9000 characters", "long", "x".repeat(9000)),
                added("an unknown parameter of 70000 characters", "long", "x".repeat(70_000)),
                added("an unknown parameter with odd bytes", "odd", "%E2%82%AC%F0%9F%98%80+%2B%26%3D"),
                added("a parameter named like a field", "upgradeTimeout", "1"),
                new QueryChange("orgId percent-encoded (your%4FrgId)", ANY, op -> {
                    List<String[]> q = copy(op.query());
                    q.forEach(p -> {
                        if (p[0].equals("orgId") && Api.ORG.equals(p[1])) {
                            p[1] = "your%4FrgId";
                        }
                    });
                    return q;
                }));
        Arbitrary<QueryChange> brokenAnywhere = Arbitraries.of(
                added("broken percent-encoding in an unknown parameter", "foo", "%zz"),
                added("broken percent-encoding in a parameter name", "f%zzoo", "1"),
                added("a lone % in an unknown parameter", "foo", "%"),
                added("a truncated escape %4 in an unknown parameter", "foo", "%4"));
        return Arbitraries.frequencyOf(Tuple.of(6, onMandatory), Tuple.of(3, harmless), Tuple.of(2, brokenAnywhere));
    }

    private static QueryChange added(String note, String name, String value) {
        return new QueryChange(note, note.startsWith("broken") || note.startsWith("a lone")
                || note.startsWith("a truncated") ? INVALID : ANY, op -> {
            List<String[]> q = copy(op.query());
            q.add(new String[]{name, value});
            return q;
        });
    }

    static Arbitrary<HostileRequest> queryStrings(Supplier<String> jobIds) {
        return Combinators.combine(operations(jobIds), queryChanges().list().ofMinSize(1).ofMaxSize(2))
                .as((op, changes) -> {
                    Operation current = op;
                    Expect expect = validity(op);
                    List<String> notes = new ArrayList<>(List.of(op.name() + " " + op.target(op.query())));
                    // a parameter an earlier change made invalid is left as it is: an empty orgId overwritten
                    // by 20000 characters is a valid search of an unknown org, no longer the invalid request
                    Set<String> madeInvalid = new HashSet<>();
                    for (QueryChange c : changes) {
                        String touched = c.touches().apply(current);
                        if (touched != null && madeInvalid.contains(touched)) {
                            continue;
                        }
                        List<String[]> q = c.apply().apply(current);
                        if (q == null) {
                            continue;
                        }
                        current = new Operation(op.name(), op.route(), op.method(), op.path(), q, op.headers(),
                                op.body(), op.mandatory());
                        expect = expect.and(op.mandatory().isEmpty() ? ANY : c.expect());
                        if (touched != null && c.expect() == INVALID) {
                            madeInvalid.add(touched);
                        }
                        notes.add(c.note());
                    }
                    return HostileRequest.of("query-strings/" + op.name(), op.route(), expect, op.method(),
                            current.target(current.query()), op.headers(), op.body(), notes);
                });
    }

    /**
     * A made-up job id is invalid for every operation on a job; Cancel/Retry OTA Task with the document's example
     * (devices no job of the suite has) are invalid.
     */
    private static Expect validity(Operation op) {
        if (op.name().equals("cancel-tasks") || op.name().equals("retry-tasks")) {
            return INVALID;
        }
        if (op.route() == Route.GET || op.route() == Route.ACTION) {
            String jobId = op.query().stream().filter(p -> p[0].equals("jobId")).findFirst().map(p -> p[1]).orElse("");
            return jobId.startsWith("feedface") ? INVALID : ANY;
        }
        return ANY;
    }

    // ---------------------------------------------------------------------------------------------------------
    // paths

    record PathChange(String note, Expect expect, UnaryOperator<String> apply) {
        @Override
        public String toString() {
            return note;
        }
    }

    static Arbitrary<PathChange> pathChanges() {
        return Arbitraries.of(
                new PathChange("a trailing slash", ANY, p -> p + "/"),
                new PathChange("a ;jsessionid path parameter", ANY, p -> p + ";jsessionid=1"),
                new PathChange("a double slash in front", ANY, p -> "/" + p),
                new PathChange("a dot segment", ANY, p -> p.replace("/ota-jobs", "/./ota-jobs")),
                new PathChange("a dot-dot segment", ANY, p -> p.replace("/ota-jobs", "/x/../ota-jobs")),
                new PathChange("an encoded slash at the end", ANY, p -> p + "%2F"),
                new PathChange("absolute form", ANY, p -> "http://127.0.0.1:$PORT" + p),
                new PathChange("absolute form naming another host", ANY, p -> "http://other.example" + p),
                new PathChange("in capitals", INVALID, p -> p.toUpperCase(Locale.ROOT)),
                new PathChange("version v2.0", INVALID, p -> p.replace("v2.1", "v2.0")),
                new PathChange("version v2.2", INVALID, p -> p.replace("v2.1", "v2.2")),
                new PathChange("resource ota-job", INVALID, p -> p.replace("ota-jobs", "ota-job")),
                new PathChange("resource ota-firmwares", INVALID, p -> p.replace("ota-jobs", "ota-firmwares")),
                new PathChange("resource ota-jobs", INVALID, p -> p.replace("ota-firmwares", "ota-jobs")),
                new PathChange("an id segment after the resource", INVALID, p -> p + "/5ee1a91029b990001b9c188e"),
                new PathChange("a .json suffix", INVALID, p -> p + ".json"),
                new PathChange("encoded dot-dot segments", INVALID, p -> p.replace("/ota-jobs", "/%2e%2e/%2e%2e/ota-jobs")),
                new PathChange("an encoded NUL", INVALID, p -> p + "%00"),
                new PathChange("broken percent-encoding in the path", INVALID, p -> p + "%zz"),
                new PathChange("a backslash", INVALID, p -> p.replace("/ota-jobs", "\\ota-jobs")),
                new PathChange("a non-ASCII segment", INVALID, p -> p.replace("ota-jobs", "ota-j%C3%B6bs")),
                new PathChange("a path of 9000 characters", INVALID, p -> p + "/" + "p".repeat(9000)),
                new PathChange("a path of 70000 characters", INVALID, p -> p + "/" + "p".repeat(70_000)),
                new PathChange("through the admin prefix and back", ANY, p -> "/__admin/.." + p));
    }

    static Arbitrary<HostileRequest> paths(Supplier<String> jobIds) {
        return Combinators.combine(operations(jobIds), pathChanges()).as((op, change) -> {
            String changed = change.apply().apply(op.path());
            String target = op.target(op.query());
            target = changed + target.substring(op.path().length());
            Expect expect = changed.equals(op.path()) ? ANY : change.expect();
            if (change.note().startsWith("resource ota-") && op.name().startsWith("search-")
                    && !op.name().equals("search-tasks")) {
                expect = ANY; // Search OTA Job and Search Firmware File: the same query and body on the other path
            }
            return HostileRequest.of("paths/" + op.name(), op.route(), validity(op).and(expect), op.method(),
                    target, op.headers(), op.body(), List.of(op.name() + " with " + change.note()));
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // methods (CONNECT has a property of its own: a known failure)

    static final List<String> METHODS = List.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE",
            "FOO", "get", "post", "M-SEARCH", "PROPFIND", "X".repeat(100));

    /** A known method spelled in another case ("get", "post"): HTTP methods are case-sensitive (RFC 9110 9.1). */
    private static boolean knownInAnotherCase(String method) {
        return METHODS.stream().anyMatch(m -> !m.equals(method) && m.equalsIgnoreCase(method)
                && m.equals(m.toUpperCase(Locale.ROOT)));
    }

    record Route2(String name, Route route, String method, String target, boolean sendsBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Arbitrary<Route2> routes(Supplier<String> jobIds) {
        return Arbitraries.of("create", "get", "start", "stop", "delete", "token", "admin-state", "admin-reset",
                "admin-firmwares", "admin-put-firmware", "admin-jobs", "admin-complete", "root", "search",
                "searchTask", "cancelTask", "retryTask", "firmware-get", "firmware-search", "admin-clock",
                "admin-devices", "admin-put-device", "admin-tasks", "admin-faults").map(r -> switch (r) {
            case "search", "searchTask" -> new Route2(r, Route.ACTION, "POST", Api.JOBS + "?action=" + r + "&orgId="
                    + Api.ORG, true);
            case "cancelTask", "retryTask" -> new Route2(r, Route.ACTION, "POST", Api.JOBS + "?action=" + r
                    + "&orgId=" + Api.ORG + "&jobId=" + jobIds.get(), true);
            case "firmware-get" -> new Route2(r, Route.GET, "GET", "/connect-service/v2.1/ota-firmwares?action=get"
                    + "&orgId=" + Api.ORG + "&firmwareId=" + Api.FIRMWARE, false);
            case "firmware-search" -> new Route2(r, Route.ACTION, "POST", "/connect-service/v2.1/ota-firmwares"
                    + "?action=search&orgId=" + Api.ORG, true);
            case "admin-clock" -> new Route2(r, Route.ADMIN, "POST", Api.ADMIN + "/clock", true);
            case "admin-devices" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN + "/orgs/fuzzOrg/devices", false);
            case "admin-put-device" -> new Route2(r, Route.ADMIN, "PUT", Api.ADMIN + "/orgs/fuzzOrg/devices/dev1",
                    true);
            case "admin-tasks" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN
                    + "/orgs/fuzzOrg/jobs/feedface00000000000000aa/tasks", false);
            case "admin-faults" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN + "/faults", false);
            case "create" -> new Route2(r, Route.CREATE, "POST", Api.create(Api.ORG, Api.FIRMWARE), true);
            case "get" -> new Route2(r, Route.GET, "GET", Api.JOBS + "?action=get&orgId=" + Api.ORG + "&jobId="
                    + jobIds.get(), false);
            case "start", "stop", "delete" -> new Route2(r, Route.ACTION, "POST", Api.JOBS + "?action=" + r
                    + "&orgId=" + Api.ORG + "&jobId=" + jobIds.get(), false);
            case "token" -> new Route2(r, Route.TOKEN, "POST", Api.TOKEN_GET, true);
            case "admin-state" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN + "/state", false);
            case "admin-reset" -> new Route2(r, Route.ADMIN, "POST", Api.ADMIN + "/reset", false);
            case "admin-firmwares" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN + "/orgs/fuzzOrg/firmwares", false);
            case "admin-put-firmware" -> new Route2(r, Route.ADMIN, "PUT", Api.ADMIN
                    + "/orgs/fuzzOrg/firmwares/fw1", true);
            case "admin-jobs" -> new Route2(r, Route.ADMIN, "GET", Api.ADMIN + "/orgs/fuzzOrg/jobs", false);
            case "admin-complete" -> new Route2(r, Route.ADMIN, "POST", Api.ADMIN
                    + "/orgs/fuzzOrg/jobs/feedface00000000000000aa/complete-verification", false);
            default -> new Route2(r, Route.OTHER, "GET", "/", false);
        });
    }

    /**
     * The admin paths that serve more than the route's own method (the README's admin routes, the mock's
     * {@code OtaAdminApiExtension} router): what to expect of another method there, or null when the path does not
     * serve it. {@code GET /clock} reads the clock (a body is ignored), {@code HEAD /clock} too; {@code DELETE
     * /faults} clears the rules; {@code POST /faults} needs a rule ({@code operation} at least), which no body of
     * {@link #methods} is.
     */
    static Expect alsoServes(Route2 route, String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return switch (route.name()) {
            case "admin-clock" -> m.equals("GET") || m.equals("HEAD") ? ANY : null;
            case "admin-faults" -> m.equals("DELETE") ? ANY : m.equals("POST") ? INVALID : null;
            // the default behaviour profile takes Get OTA Job by POST too (the official Python sample sends it)
            case "get" -> !m.equals(route.method())
                    && BehaviourProfile.defaults().methods("get", false).contains(m) ? ANY : null;
            default -> null;
        };
    }

    static Arbitrary<HostileRequest> methods(Supplier<String> jobIds) {
        Arbitrary<String> bodyKind = Arbitraries.of("none", "valid", "empty");
        return Combinators.combine(routes(jobIds), Arbitraries.of(METHODS), bodyKind, Arbitraries.of(true, false))
                .as((route, method, body, preflightWanted) -> {
                    boolean same = method.equals(route.method());
                    boolean options = method.equals("OPTIONS");
                    boolean preflight = options && preflightWanted;
                    boolean madeUpJob = route.target().contains("feedface");
                    Expect expect;
                    if (route.route() == Route.OTHER || preflight) {
                        expect = ANY;
                    } else if (options && route.route() == Route.ADMIN) {
                        expect = ANY;
                    } else if (method.equalsIgnoreCase("HEAD") && route.method().equals("GET")) {
                        expect = madeUpJob ? INVALID : ANY;
                    } else if (!same && alsoServes(route, method) != null) {
                        expect = alsoServes(route, method);
                    } else if (!same) {
                        expect = INVALID;
                    } else {
                        expect = switch (route.name()) {
                            case "create" -> "valid".equals(body) ? ANY : INVALID;
                            case "token", "admin-complete", "admin-tasks" -> INVALID;
                            // a task action needs deviceKeys; the clock needs {"advanceSeconds": n}
                            case "cancelTask", "retryTask", "admin-clock" -> INVALID;
                            // a device body of unknown fields (name, version)
                            case "admin-put-device" -> "valid".equals(body) ? INVALID : ANY;
                            // a create body is no search body (unknown fields)
                            case "search", "searchTask", "firmware-search" -> "valid".equals(body) ? INVALID : ANY;
                            default -> madeUpJob ? INVALID : ANY;
                        };
                    }
                    if (route.route() == Route.TOKEN && !preflight) {
                        expect = INVALID; // no credentials in any body below
                    }
                    if (knownInAnotherCase(method)) {
                        expect = Expect.REFUSED;
                    }
                    List<String> headers = new ArrayList<>();
                    byte[] bytes = null;
                    switch (body) {
                        case "valid" -> {
                            headers.add(JSON);
                            bytes = route.route() == Route.ADMIN
                                    ? "{\"name\":\"n\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8)
                                    : Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8);
                        }
                        case "empty" -> bytes = new byte[0];
                        default -> {
                        }
                    }
                    if (preflight) {
                        headers.add("Origin: http://evil.example");
                        headers.add("Access-Control-Request-Method: " + route.method());
                    }
                    return HostileRequest.of("methods/" + route.name(), route.route(), expect, method,
                            route.target(), headers, bytes, List.of(method + " on " + route.name() + ", body " + body
                                    + (preflight ? ", as a CORS preflight" : "")));
                });
    }

    /**
     * A {@code multipart/*} Content-Type that WireMock's part parser cannot read with the body (no boundary, an empty
     * or a 5000-character one, a part cut short), on every route, with a body or none: the parser's failure must be
     * the client's error, never a 5xx.
     */
    static Arbitrary<HostileRequest> multipartWithoutBoundary(Supplier<String> jobIds) {
        Arbitrary<String> types = Arbitraries.of("multipart/form-data", "multipart/mixed", "multipart/related",
                "MULTIPART/FORM-DATA", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                "multipart/form-data; charset=utf-8", "multipart/form-data; boundary=" + "b".repeat(5000),
                "multipart/form-data; boundary=b1");
        Arbitrary<String> bodies = Arbitraries.of("none", "json", "part-cut-short", "empty");
        return Combinators.combine(routes(jobIds), types, bodies).as((route, type, body) -> {
            byte[] bytes = switch (body) {
                case "json" -> Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8);
                case "part-cut-short" -> "--b1\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}"
                        .getBytes(StandardCharsets.UTF_8);
                case "empty" -> new byte[0];
                default -> null;
            };
            boolean readable = type.endsWith("boundary=b1") && !body.equals("part-cut-short");
            Expect expect = readable || route.route() == Route.OTHER ? ANY : INVALID;
            String shown = type.length() > 60 ? type.substring(0, 60) + "…" : type;
            return HostileRequest.of("multipart/" + route.name(), route.route(), expect, route.method(),
                    route.target(), List.of("Content-Type: " + type), bytes,
                    List.of("Content-Type " + shown + " on " + route.name() + ", body " + body));
        });
    }

    /**
     * Admin paths with no route, and ids WireMock's admin routes do not know: every 404 there must say what was not
     * found ({@code {"error": ...}}), never be an empty body.
     */
    static Arbitrary<HostileRequest> adminNotFound() {
        Arbitrary<String> paths = Arbitraries.of("/__admin/ota", "/__admin/ota/", "/__admin/ota/nope",
                "/__admin/ota/organizations", "/__admin/ota/orgs/fuzzOrg", "/__admin/ota/orgs/fuzzOrg/nope",
                "/__admin/nope", "/__admin/ota-x", "/__admin/a/b/c",
                "/__admin/mappings/00000000-0000-0000-0000-000000000000", "/__admin/mappings/not-a-uuid",
                "/__admin/scenarios/nope", "/__admin/ota/state/x", "/__admin/ota?x=1", "/__admin/%7e");
        return Combinators.combine(paths, Arbitraries.of("GET", "DELETE", "HEAD", "OPTIONS", "PATCH"))
                .as((path, method) -> HostileRequest.of("admin-not-found", Route.ADMIN, INVALID, method, path,
                        List.of(), null, List.of(method + " " + path)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Get, Start, Stop, Delete OTA Job

    static Arbitrary<HostileRequest> jobActions(Supplier<String> jobIds) {
        Arbitrary<String> actions = Arbitraries.of("get", "start", "stop", "delete");
        Arbitrary<String> ids = Arbitraries.of("real", "made-up", "empty", "%zz", "long", "dots", "unicode", "nul",
                "hex-upper", "spaces");
        Arbitrary<String> orgs = Arbitraries.frequency(Tuple.of(6, Api.ORG), Tuple.of(1, "otherOrg"),
                Tuple.of(1, "YOURORGID"), Tuple.of(1, ""));
        Arbitrary<String> bodies = Arbitraries.of("none", "json", "garbage", "huge");
        return Combinators.combine(actions, ids, orgs, bodies).as((action, idKind, org, bodyKind) -> {
            String real = jobIds.get();
            String id = switch (idKind) {
                case "real" -> real;
                case "made-up" -> "feedface0000000000000000";
                case "empty" -> "";
                case "%zz" -> real + "%zz";
                case "long" -> "a".repeat(5000);
                case "dots" -> "..%2F..%2F" + real;
                case "unicode" -> "%E2%82%AC" + real;
                case "nul" -> real + "%00";
                case "hex-upper" -> real.toUpperCase(Locale.ROOT);
                default -> "%20" + real + "%20";
            };
            Expect expect = idKind.equals("real") && org.equals(Api.ORG) && !real.startsWith("feedface") ? ANY : INVALID;
            if (idKind.equals("hex-upper") || idKind.equals("spaces")) {
                expect = ANY; // no claim on how ids compare
            }
            List<String> headers = new ArrayList<>();
            byte[] body = switch (bodyKind) {
                case "json" -> {
                    headers.add(JSON);
                    yield "{\"jobId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
                }
                case "garbage" -> new byte[]{0x1, 0x2, (byte) 0xff, '{'};
                case "huge" -> {
                    headers.add(JSON);
                    yield ("[" + "1,".repeat(300_000) + "1]").getBytes(StandardCharsets.UTF_8);
                }
                default -> null;
            };
            String method = action.equals("get") ? "GET" : "POST";
            return HostileRequest.of("job-actions/" + action, action.equals("get") ? Route.GET : Route.ACTION, expect,
                    method, Api.JOBS + "?action=" + action + "&orgId=" + org + "&jobId=" + id, headers, body,
                    List.of(action + " with a " + idKind + " job id in org '" + org + "', body " + bodyKind));
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // the APIM token service

    static String encryption(String appKey, long timestamp, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appKey + timestamp + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tokenBody(long timestamp) {
        return "{\"appKey\":\"" + Api.APP_KEY + "\",\"encryption\":\"" + encryption(Api.APP_KEY, timestamp,
                Api.APP_SECRET) + "\",\"timestamp\":" + timestamp + "}";
    }

    static Arbitrary<HostileRequest> tokenService() {
        Arbitrary<String> change = Arbitraries.of("valid", "valid-refresh-without-token", "refresh-garbage-token",
                "no-appKey", "no-encryption", "no-timestamp", "unknown-appKey", "wrong-encryption",
                "stale-timestamp", "future-timestamp", "huge-timestamp", "negative-timestamp", "timestamp-text",
                "timestamp-string-digits", "timestamp-fraction", "timestamp-exponent", "appKey-number", "appKey-object",
                "empty-body", "array-body", "string-body", "null-body", "truncated", "trailing-garbage",
                "invalid-utf8", "unknown-field", "duplicate-appKey", "deep-nesting", "huge-appKey", "no-content-type",
                "text-plain");
        return change.map(c -> {
            long now = System.currentTimeMillis();
            ObjectNode body = Api.object(tokenBody(now));
            String path = Api.TOKEN_GET;
            Expect expect = INVALID;
            List<String> headers = new ArrayList<>(List.of(JSON));
            String text = null;
            byte[] raw = null;
            switch (c) {
                case "valid", "unknown-field" -> {
                    expect = ANY;
                    if (c.equals("unknown-field")) {
                        body.put("extra", 1);
                    }
                }
                case "valid-refresh-without-token" -> path = Api.TOKEN_REFRESH;
                case "refresh-garbage-token" -> {
                    path = Api.TOKEN_REFRESH;
                    body.put("accessToken", "garbage");
                }
                case "no-appKey" -> body.remove("appKey");
                case "no-encryption" -> body.remove("encryption");
                case "no-timestamp" -> body.remove("timestamp");
                case "unknown-appKey" -> {
                    body.put("appKey", "00000000-0000-0000-0000-000000000000");
                    body.put("encryption", encryption("00000000-0000-0000-0000-000000000000", now, Api.APP_SECRET));
                }
                case "wrong-encryption" -> body.put("encryption", encryption(Api.APP_KEY, now, "wrong"));
                case "stale-timestamp" -> resign(body, now - 600_000);
                case "future-timestamp" -> resign(body, now + 600_000);
                case "huge-timestamp" -> text = Api.write(body).replace("\"timestamp\":" + now,
                        "\"timestamp\":" + "9".repeat(60));
                case "negative-timestamp" -> resign(body, -1);
                case "timestamp-text" -> body.put("timestamp", "yesterday");
                case "timestamp-string-digits" -> {
                    body.put("timestamp", String.valueOf(now));
                    expect = ANY;
                }
                case "timestamp-fraction" -> text = Api.write(body).replace("\"timestamp\":" + now,
                        "\"timestamp\":" + now + ".5");
                case "timestamp-exponent" -> text = Api.write(body).replace("\"timestamp\":" + now,
                        "\"timestamp\":1e400");
                case "appKey-number" -> body.put("appKey", 12345);
                case "appKey-object" -> body.putObject("appKey").put("a", Api.APP_KEY);
                case "empty-body" -> text = "";
                case "array-body" -> text = "[" + Api.write(body) + "]";
                case "string-body" -> text = "\"" + Api.APP_KEY + "\"";
                case "null-body" -> text = "null";
                case "truncated" -> text = Api.write(body).substring(0, 30);
                case "trailing-garbage" -> text = Api.write(body) + "}}";
                case "invalid-utf8" -> raw = Bytes.concat(Api.write(body).substring(0, 12).getBytes(
                        StandardCharsets.UTF_8), new byte[]{(byte) 0xc3, 0x28}, Api.write(body).substring(12)
                        .getBytes(StandardCharsets.UTF_8));
                case "duplicate-appKey" -> {
                    text = Api.write(body).replaceFirst("\\{", "{\"appKey\":\"nobody\",");
                    expect = ANY; // which of the two counts is the service's choice
                }
                case "deep-nesting" -> text = Api.write(body).replaceFirst("\\{", "{\"x\":"
                        + CreateRequests.nested(1500, true) + ",");
                case "huge-appKey" -> body.put("appKey", "k".repeat(200_000));
                case "no-content-type" -> {
                    headers.clear();
                    expect = ANY;
                }
                default -> {
                    headers.clear();
                    headers.add("Content-Type: text/plain");
                    expect = ANY;
                }
            }
            byte[] bytes = raw != null ? raw : (text != null ? text : Api.write(body)).getBytes(StandardCharsets.UTF_8);
            return HostileRequest.of("token-service", Route.TOKEN, expect, "POST", path, headers, bytes,
                    List.of("token request: " + c));
        });
    }

    private static void resign(ObjectNode body, long timestamp) {
        body.put("timestamp", timestamp);
        body.put("encryption", encryption(Api.APP_KEY, timestamp, Api.APP_SECRET));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the admin routes (never on yourOrgId's state, so the other properties' expectations hold)

    static Arbitrary<HostileRequest> adminRoutes(Supplier<String> verificationJobOfFuzzOrg) {
        Arbitrary<String> orgs = Arbitraries.of("fuzzOrg", "fuzzOrg2", "a%20b", "%zz", "%2F", "%2e%2e", "%C3%A4",
                "o".repeat(3000), "..", "x%00y");
        Arbitrary<String> routes = Arbitraries.frequency(Tuple.of(3, "state"), Tuple.of(1, "reset"),
                Tuple.of(4, "firmwares"), Tuple.of(10, "put"), Tuple.of(4, "jobs"), Tuple.of(5, "complete"),
                Tuple.of(2, "unknown"));
        Arbitrary<String> firmwareBodies = Arbitraries.of("valid", "empty", "minimal", "max-zero", "max-negative",
                "max-huge", "max-exponent", "max-fraction", "max-string", "flag-string", "unknown-field",
                "array", "string", "null", "truncated", "trailing", "duplicate", "invalid-utf8", "deep", "no-ct",
                "text-plain");
        Arbitrary<String> jobIds = Arbitraries.of("real", "made-up", "%zz", "empty", "long");
        return Combinators.combine(routes, orgs, firmwareBodies, jobIds).as((route, org, fwBody, jobKind) -> {
            String orgSeg = org;
            List<String> headers = new ArrayList<>();
            byte[] body = null;
            Expect expect = ANY;
            String method;
            String path;
            String note;
            switch (route) {
                case "state" -> {
                    method = "GET";
                    path = Api.ADMIN + "/state";
                    note = "GET state";
                }
                case "reset" -> {
                    method = "POST";
                    path = Api.ADMIN + "/reset";
                    note = "POST reset";
                }
                case "firmwares" -> {
                    method = "GET";
                    path = Api.ADMIN + "/orgs/" + orgSeg + "/firmwares";
                    note = "GET firmwares of " + org;
                }
                case "jobs" -> {
                    method = "GET";
                    path = Api.ADMIN + "/orgs/" + orgSeg + "/jobs";
                    note = "GET jobs of " + org;
                }
                case "complete" -> {
                    method = "POST";
                    String id = switch (jobKind) {
                        case "real" -> verificationJobOfFuzzOrg.get();
                        case "made-up" -> "feedface0000000000000000";
                        case "%zz" -> "ab%zz";
                        case "empty" -> "";
                        default -> "j".repeat(3000);
                    };
                    String o = jobKind.equals("real") ? "fuzzOrg" : orgSeg;
                    path = Api.ADMIN + "/orgs/" + o + "/jobs/" + id + "/complete-verification";
                    expect = jobKind.equals("real") ? ANY : INVALID;
                    note = "POST complete-verification of a " + jobKind + " job id in " + o;
                }
                case "unknown" -> {
                    method = "GET";
                    path = Api.ADMIN + "/nothing-here";
                    expect = INVALID;
                    note = "GET an unknown admin route";
                }
                default -> {
                    method = "PUT";
                    path = Api.ADMIN + "/orgs/" + orgSeg + "/firmwares/fw-" + fwBody;
                    headers.add(JSON);
                    String valid = "{\"name\":\"n\",\"version\":\"1.0\",\"enableVerification\":true,"
                            + "\"isVerified\":false,\"maxAllowedForVerification\":2}";
                    expect = INVALID;
                    String text = switch (fwBody) {
                        case "valid" -> {
                            expect = ANY;
                            yield valid;
                        }
                        case "empty" -> {
                            expect = ANY;
                            yield "";
                        }
                        case "minimal" -> {
                            expect = ANY;
                            yield "{}";
                        }
                        case "no-ct" -> {
                            headers.clear();
                            expect = ANY;
                            yield valid;
                        }
                        case "text-plain" -> {
                            headers.clear();
                            headers.add("Content-Type: text/plain");
                            expect = ANY;
                            yield valid;
                        }
                        case "max-zero" -> valid.replace(":2}", ":0}");
                        case "max-negative" -> valid.replace(":2}", ":-1}");
                        case "max-huge" -> valid.replace(":2}", ":" + "9".repeat(50) + "}");
                        case "max-exponent" -> valid.replace(":2}", ":1e400}");
                        case "max-fraction" -> valid.replace(":2}", ":2.5}");
                        case "max-string" -> valid.replace(":2}", ":\"many\"}");
                        case "flag-string" -> valid.replace("\"isVerified\":false", "\"isVerified\":\"no\"");
                        case "unknown-field" -> valid.replace("{", "{\"color\":\"red\",");
                        case "array" -> "[" + valid + "]";
                        case "string" -> "\"fw\"";
                        case "null" -> "null";
                        case "truncated" -> valid.substring(0, 20);
                        case "trailing" -> valid + "x";
                        case "duplicate" -> {
                            expect = ANY; // no claim: the mock reads admin bodies with Jackson's defaults
                            yield valid.replace("{", "{\"name\":\"a\",");
                        }
                        case "invalid-utf8" -> null;
                        default -> valid.replace("\"name\":\"n\"", "\"name\":" + CreateRequests.nested(800, true));
                    };
                    body = text != null ? text.getBytes(StandardCharsets.UTF_8)
                            : Bytes.concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8),
                            new byte[]{(byte) 0xff, (byte) 0xfe}, "\"}".getBytes(StandardCharsets.UTF_8));
                    note = "PUT firmware into " + org + " with a " + fwBody + " body";
                }
            }
            return HostileRequest.of("admin-routes/" + route, Route.ADMIN, expect, method, path, headers, body,
                    List.of(note));
        });
    }
}
