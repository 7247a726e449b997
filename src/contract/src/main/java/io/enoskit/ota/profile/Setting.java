package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One decision of the mock that the vendor pages leave open (or that differs between EnOS releases): a named,
 * checked setting of a {@link BehaviourProfile}. The values the default profile gives them, with their sources,
 * are in {@code stubs/profiles/default.yaml}; this catalogue holds what each setting is and which values it takes.
 * Rules that the pages document are never a setting.
 */
public enum Setting {
    /** The EnOS release served: which fields and search fields exist (spec extension {@code x-enos-since}). */
    ENOS_VERSION("enos.version", Kind.CHOICE, "the EnOS release whose fields and search fields are served",
            "2.2", "2.3", "2.4", "3.0"),
    /**
     * HTTP status of an answer carrying a business error code (24xxx, 99403). 99404, a request that names no
     * operation, keeps HTTP 404, and 99500 HTTP 500: they are not answers of an operation.
     */
    ERRORS_HTTP_STATUS("errors.httpStatus", Kind.HTTP_STATUS,
            "HTTP status of an answer carrying a business error code (24xxx, 99403)"),
    /** HTTP status of a 99400 (invalid argument) answer. */
    INVALID_ARGUMENT_HTTP_STATUS("errors.invalidArgumentHttpStatus", Kind.HTTP_STATUS,
            "HTTP status of a 99400 Invalid Argument answer"),
    /** Status of a job right after V2.1 Create OTA Job. */
    CREATED_JOB_STATUS("create.jobStatus", Kind.CHOICE, "status of a job right after create",
            "stopped", "started"),
    /** Order of the checks of V2.1 Create OTA Job; the first that fails answers. */
    CREATE_CHECK_ORDER("create.checkOrder", Kind.ORDER,
            "order of create's checks (request shape 99400, firmware 24404, total scope of a verification job 24611,"
                    + " verification device limit 24612, unverified firmware 24610); the first that fails answers",
            "request", "firmware", "totalScope", "verificationLimit", "unverifiedFirmware"),
    /** Fields of JobInfo, TaskInfo and FirmwareInfo that a record does not set: written as null or left out. */
    UNSET_FIELDS("answers.unsetFields", Kind.CHOICE,
            "fields a job, task or firmware does not set: written as null, or left out of the answer",
            "null", "absent"),
    /** Devices a verification job may name when the firmware sets no maxAllowedForVerification (24612 max[%d]). */
    VERIFICATION_LIMIT("verification.defaultLimit", Kind.COUNT,
            "devices a verification job may select when its firmware sets no maxAllowedForVerification (24612 max[N])"),
    /** Which jobs naming a firmware make Delete Firmware refuse it with 24604 "Firmware cannot be deleted". */
    FIRMWARE_DELETE_BLOCKED_BY("firmware.deleteBlockedBy", Kind.CHOICE,
            "jobs naming a firmware that make Delete Firmware answer 24604: any job of the org, or only a started one",
            "any-job", "started-job"),
    /** Page size of a search that sends no pagination. */
    SEARCH_PAGE_SIZE("search.defaultPageSize", Kind.PAGE_SIZE, "records per page of a search without pagination"),
    /** Order of Search OTA Job's records. */
    JOB_SEARCH_ORDER("search.jobOrder", Kind.CHOICE, "order of Search OTA Job's records",
            "createTime-desc", "createTime-asc"),
    /** Body fields the spec does not define: refused with 99400, or ignored. */
    UNKNOWN_FIELDS("request.unknownFields", Kind.CHOICE,
            "body fields the spec does not define: refused with 99400 naming the field, or ignored",
            "refuse", "ignore"),
    /** HTTP methods Get OTA Job accepts. */
    METHODS_GET("methods.get", Kind.METHODS, "HTTP methods Get OTA Job (action=get) accepts", "GET", "POST"),
    /** HTTP methods Get Firmware File accepts. */
    METHODS_GET_FIRMWARE("methods.getFirmware", Kind.METHODS,
            "HTTP methods Get Firmware File (ota-firmwares, action=get) accepts", "GET", "POST"),
    /** HTTP methods the other job, task and firmware actions accept (all POST on the pages). */
    METHODS_OTHER_ACTIONS("methods.otherActions", Kind.METHODS,
            "HTTP methods the actions documented as POST (create, search, start, stop, delete, searchTask,"
                    + " cancelTask, retryTask, firmware search) accept", "GET", "POST"),
    /** How a request is answered whose action exists, but not with the request's method. */
    METHOD_REFUSAL("methods.refusal", Kind.CHOICE,
            "a request whose action exists but not with its method (the methods.* settings): 99400 naming action"
                    + " (invalid-argument), or 99404 No such operation with HTTP 404 (no-such-operation)",
            "invalid-argument", "no-such-operation"),
    /** Form of {@code data.jobId} of a created job. */
    JOB_ID_FORMAT("ids.jobId", Kind.CHOICE, "form of a created job's jobId", "hex24", "hex32", "uuid", "numeric"),
    /** Form of {@code requestId} in every answer. */
    REQUEST_ID_FORMAT("ids.requestId", Kind.CHOICE, "form of every answer's requestId",
            "uuid", "hex32", "hex24", "numeric"),
    /** How an organization the caller has no access to is answered. */
    FOREIGN_ORGANIZATION("organizations.foreign", Kind.CHOICE,
            "an organization the caller cannot see: answered as if empty (24404 for a job or firmware), or refused"
                    + " with 99403 Denied resource", "not-found", "denied"),
    /** Message of 99403 ({@code %s}: what was denied). */
    MESSAGE_99403("messages.99403", Kind.MESSAGE, "msg of 99403; %s is the denied resource (e.g. orgId)"),
    /** Message of 99404 ({@code %s}: what does not exist). */
    MESSAGE_99404("messages.99404", Kind.MESSAGE, "msg of 99404; %s is the operation or object not found"),
    /** Message of 99500. */
    MESSAGE_99500("messages.99500", Kind.MESSAGE, "msg of 99500 (a fault of the server)"),
    /** How the selectors of a partial {@code upgradeScope} combine (tags, attributes, asset trees, keys, versions). */
    SCOPE_COMBINATION("scope.combination", Kind.CHOICE,
            "how a partial upgradeScope's selectors (deviceKeys, versionNumbers, each tag key, attribute id and asset"
                    + " tree) combine: a device meets every one (all) or at least one (any)", "all", "any"),
    /** What Create OTA Job does with a scope that selects no device. */
    SCOPE_NO_DEVICE("scope.noDevice", Kind.CHOICE,
            "a job whose upgradeScope selects no device when it is created: created, and gets no task (create), or"
                    + " refused with 99400 naming upgradeScope (refuse)", "create", "refuse");

    /** What values a setting takes. */
    public enum Kind {
        /** One of the listed values. */
        CHOICE,
        /** A non-empty list of distinct listed values. */
        METHODS,
        /** Every listed value once, in any order. */
        ORDER,
        /** An HTTP status 200..599. */
        HTTP_STATUS,
        /** A whole number 1..10000. */
        COUNT,
        /** A whole number 1..200 (the pages' maximum page size). */
        PAGE_SIZE,
        /** A text of at most 200 characters with at most one {@code %s}. */
        MESSAGE
    }

    private final String key;
    private final Kind kind;
    private final String meaning;
    private final List<String> values;

    Setting(String key, Kind kind, String meaning, String... values) {
        this.key = key;
        this.kind = kind;
        this.meaning = meaning;
        this.values = List.of(values);
    }

    /** The setting a profile names {@code key}, e.g. {@code errors.httpStatus}. */
    public static Optional<Setting> named(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    /** The settings' keys, comma separated, for a message naming what a profile may set. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Setting::key).toList());
    }

    /** The name in a profile file, e.g. {@code errors.httpStatus}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** What the setting decides, in one line. */
    public String meaning() {
        return meaning;
    }

    /** The values a CHOICE, METHODS or ORDER setting is made of; empty for the others. */
    public List<String> choices() {
        return values;
    }

    /** The values it takes, in words, for an error message and the README's reference. */
    public String allowed() {
        return switch (kind) {
            case CHOICE -> "one of " + String.join(", ", values);
            case METHODS -> "a list of one or more of " + String.join(", ", values);
            case ORDER -> "a list of " + String.join(", ", values) + ", each once, in any order";
            case HTTP_STATUS -> "an HTTP status from 200 to 599";
            case COUNT -> "a whole number from 1 to 10000";
            case PAGE_SIZE -> "a whole number from 1 to 200";
            case MESSAGE -> "a text of at most 200 characters with at most one %s";
        };
    }

    /** Whether {@code value} is one this setting takes (the JSON form of a YAML value). */
    public boolean accepts(JsonNode value) {
        return switch (kind) {
            case CHOICE -> value.isTextual() && values.contains(value.asText())
                    || value.isNumber() && values.contains(value.asText());
            case METHODS -> value.isArray() && !value.isEmpty() && texts(value).stream().allMatch(values::contains)
                    && new HashSet<>(texts(value)).size() == value.size();
            case ORDER -> value.isArray() && value.size() == values.size()
                    && new HashSet<>(texts(value)).equals(Set.copyOf(values));
            case HTTP_STATUS -> value.isIntegralNumber() && value.asInt() >= 200 && value.asInt() <= 599;
            case COUNT -> value.isIntegralNumber() && value.asInt() >= 1 && value.asInt() <= 10_000;
            case PAGE_SIZE -> value.isIntegralNumber() && value.asInt() >= 1 && value.asInt() <= 200;
            case MESSAGE -> value.isTextual() && value.asText().length() <= 200
                    && value.asText().split("%s", -1).length <= 2 && !value.asText().replace("%s", "").contains("%");
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.isTextual() ? item.asText() : "\u0000"));
        return texts;
    }

    @Override
    public String toString() {
        return key;
    }
}
