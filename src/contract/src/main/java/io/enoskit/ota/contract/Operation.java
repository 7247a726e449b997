package io.enoskit.ota.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of the EnOS OTA job API the kit knows, and the spec document of each. EnOS selects the operation by
 * the {@code action} query parameter on one path and method, which one OpenAPI 3.0 document cannot express, so the
 * operations sharing a path and method live in documents of their own. This is the one place that maps an action
 * to its document; the mock's stub mappings and the conformance checks both go through it.
 */
public enum Operation {
    /** V2.1 Create OTA Job. */
    CREATE_JOB("POST", Operation.JOBS, "create", OpenApiContract.SPEC_RESOURCE),
    /** Get OTA Job. */
    GET_JOB("GET", Operation.JOBS, "get", OpenApiContract.SPEC_RESOURCE),
    /** Start OTA Job. */
    START_JOB("POST", Operation.JOBS, "start", OpenApiContract.ACTIONS_RESOURCE),
    /** Stop OTA Job. */
    STOP_JOB("POST", Operation.JOBS, "stop", OpenApiContract.ACTIONS_RESOURCE),
    /** Delete OTA Job. */
    DELETE_JOB("POST", Operation.JOBS, "delete", OpenApiContract.ACTIONS_RESOURCE),
    /** Search OTA Job. */
    SEARCH_JOBS("POST", Operation.JOBS, "search", OpenApiContract.JOB_SEARCH_RESOURCE),
    /** Search OTA Task. */
    SEARCH_TASKS("POST", Operation.JOBS, "searchTask", OpenApiContract.TASK_SEARCH_RESOURCE),
    /** Cancel OTA Task. */
    CANCEL_TASKS("POST", Operation.JOBS, "cancelTask", OpenApiContract.TASK_ACTIONS_RESOURCE),
    /** Retry OTA Task. */
    RETRY_TASKS("POST", Operation.JOBS, "retryTask", OpenApiContract.TASK_ACTIONS_RESOURCE),
    /** Get Firmware File. */
    GET_FIRMWARE("GET", Operation.FIRMWARES, "get", OpenApiContract.FIRMWARES_RESOURCE),
    /** Search Firmware File. */
    SEARCH_FIRMWARE("POST", Operation.FIRMWARES, "search", OpenApiContract.FIRMWARES_RESOURCE),
    /** Create Firmware File (a multipart upload). */
    CREATE_FIRMWARE("POST", Operation.FIRMWARES, "create", OpenApiContract.FIRMWARE_CREATE_RESOURCE),
    /** Delete Firmware. */
    DELETE_FIRMWARE("POST", Operation.FIRMWARES, "delete", OpenApiContract.FIRMWARE_ACTIONS_RESOURCE),
    /** Search Device Upgrade. */
    SEARCH_DEVICE_UPGRADE("POST", Operation.FIRMWARES, "searchDeviceUpgrade", OpenApiContract.DEVICE_UPGRADE_RESOURCE);

    /** The path of the OTA job operations. */
    public static final String JOBS = "/connect-service/v2.1/ota-jobs";
    /** The path of the firmware operations. */
    public static final String FIRMWARES = "/connect-service/v2.1/ota-firmwares";

    private final String method;
    private final String path;
    private final String action;
    private final String document;

    Operation(String method, String path, String action, String document) {
        this.method = method;
        this.path = path;
        this.action = action;
        this.document = document;
    }

    /** The operation a request names, if any. */
    public static Optional<Operation> of(String method, String path, String action) {
        return Arrays.stream(values())
                .filter(op -> op.method.equalsIgnoreCase(method) && op.path.equals(path) && op.action.equals(action))
                .findFirst();
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** A short name: {@code create-job}, {@code get-job}, ... (fault rules and messages use it). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The operation with this {@link #id()}, if any. */
    public static Optional<Operation> byId(String id) {
        return Arrays.stream(values()).filter(op -> op.id().equals(id)).findFirst();
    }

    /** The value of the {@code action} query parameter. */
    public String action() {
        return action;
    }

    /**
     * The error codes its spec lists for it ({@code x-enos-error-codes}), those narrowed to other actions left out,
     * in spec order; empty when it lists none.
     */
    public List<DocumentedErrorCode> errorCodes() {
        Object listed = OpenApiContract.load(document).operation(path, method)
                .map(operation -> operation.getExtensions() == null ? null
                        : operation.getExtensions().get("x-enos-error-codes"))
                .orElse(null);
        List<DocumentedErrorCode> codes = new ArrayList<>();
        if (listed instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<?, ?> fields = (Map<?, ?>) entry;
                List<String> actions = fields.get("actions") instanceof List<?> named
                        ? named.stream().map(String::valueOf).toList() : List.of();
                DocumentedErrorCode code = new DocumentedErrorCode(((Number) fields.get("code")).intValue(),
                        String.valueOf(fields.get("msg")),
                        fields.get("rule") == null ? null : String.valueOf(fields.get("rule")), actions);
                if (code.appliesTo(action)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /** The class-path resource of its spec document. */
    public String document() {
        return document;
    }
}
