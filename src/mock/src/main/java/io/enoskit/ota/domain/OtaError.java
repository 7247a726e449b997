package io.enoskit.ota.domain;

/**
 * The EnOS error codes this kit answers with, each with its message template.
 *
 * <p>Sources: 24404, 24610, 24611 and 24612 come from the "Error Codes" table of the vendor page
 * "V2.1 Create OTA Job"; 24404 "Job not found" from the sibling page "Get OTA Job"; 24615, 24616 and 24618 from
 * the pages "Start OTA Job", "Stop OTA Job" and "Delete OTA Job"; 24617, 24620 and 24621 from "Cancel OTA Task" and
 * "Retry OTA Task"; 24404 "Firmware not found" also from "Get Firmware File"; 99400 and 99500 are
 * the EnOS common codes for an invalid argument and an internal error; 99404 is the common code for an
 * object that does not exist, used here for a request that names no operation of the spec (inferred).
 * The specs list the same codes under {@code x-enos-error-codes}; a test keeps them equal.
 */
public enum OtaError {
    /** 24404: no firmware with the query's {@code firmwareId} in the query's {@code orgId}. */
    FIRMWARE_NOT_FOUND(24404, "Firmware not found"),
    /** 24404: no job with the query's {@code jobId} in the query's {@code orgId}. */
    JOB_NOT_FOUND(24404, "Job not found"),
    /**
     * 24604: Delete Firmware of a firmware a job still names ("Delete Firmware" page gives the code; when it fires is
     * inferred, profile setting {@code firmware.deleteBlockedBy}).
     */
    FIRMWARE_IN_USE(24604, "Firmware cannot be deleted"),
    /** 24610: upgrade job on a firmware with {@code enableVerification} on that is not verified yet. */
    FIRMWARE_NOT_VERIFIED(24610,
            "Not allowed to create job as firmware is not verified while enable verification is switched on"),
    /** 24611: verification job whose {@code upgradeScope.type} is {@code total}. */
    TOTAL_SCOPE_FOR_VERIFICATION(24611, "upgradeScope type total is not allowed for verification task"),
    /** 24612: verification job with more {@code deviceKeys} than allowed; the one argument is the limit, a count. */
    TOO_MANY_VERIFICATION_DEVICE_KEYS(24612, "Exceeded max verification deviceKeys, max[%d]"),
    /** 24615: Start OTA Job on a running job ("Start OTA Job" page). */
    JOB_HAS_STARTED(24615, "Job has started"),
    /** 24616: Stop OTA Job on a stopped job ("Stop OTA Job" page). */
    JOB_HAS_STOPPED(24616, "Job has stopped"),
    /** 24618: Delete OTA Job on a running job ("Delete OTA Job" page). */
    DELETE_RUNNING_JOB(24618, "Not allowed to delete running job"),
    /** 24617: Cancel or Retry OTA Task on a job that is stopped ("Cancel OTA Task", "Retry OTA Task" pages). */
    JOB_NOT_RUNNING(24617, "Job not running"),
    /** 24620: Cancel OTA Task of a task that is neither {@code init} nor {@code published} ("Cancel OTA Task"). */
    CANCEL_ONLY_INIT_OR_PUBLISHED(24620, "Only init or published tasks can be canceled"),
    /** 24621: Retry OTA Task of a task that has not failed ("Retry OTA Task" page). */
    RETRY_ONLY_FAILED(24621, "Only failed tasks can be retried"),
    /** 99400: the request breaks the spec; arguments are the field and the rule it breaks. */
    INVALID_ARGUMENT(99400, "Invalid Argument %s"),
    /**
     * 99403: the caller's application may not act in the organization named (EnOS common codes, sample message
     * "Denied resource: orgId o1558..."); the argument names the resource.
     */
    DENIED_RESOURCE(99403, "Denied resource: %s"),
    /** 99404: the request names no operation of the spec; the argument says what did not match. */
    NO_SUCH_OPERATION(99404, "No such operation: %s"),
    /** 99500: a fault of the mock itself; never caused by the request. */
    INTERNAL_ERROR(99500, "Internal Server Error");

    private final int code;
    private final String template;

    OtaError(int code, String template) {
        this.code = code;
        this.template = template;
    }

    /** The EnOS {@code code} of the envelope. */
    public int code() {
        return code;
    }

    /** The message template, with {@code %d}/{@code %s} where the arguments go. */
    public String template() {
        return template;
    }

    /** The {@code msg} of the envelope, with the arguments filled in. */
    public String message(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }
}
