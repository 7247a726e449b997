package io.enoskit.ota.mock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.enoskit.ota.contract.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fault or a delay the mock adds to an operation, for testing how a client copes (what WireMock and MockServer
 * users expect). JSON shape on the admin API ({@code /__admin/ota/faults}):
 * {@code {"operation": "create-job"|"*", "fault": "500"|"502"|"503"|"429"|"reset"|"empty"|"malformed"|null,
 * "delayMs": Integer, "delayMaxMs": Integer, "share": Number, "calls": Integer}}.
 *
 * <p>A rule with a fault answers the call itself: the operation does not run (nothing is created or changed), as
 * when a gateway or a network fails before the service. A rule with only a delay lets the operation run and delays
 * its answer, by {@code delayMs}, or by a uniformly random time from {@code delayMs} to {@code delayMaxMs}.
 *
 * @param operation  the operation's id ({@link Operation#id()}), or {@code *} for every operation
 * @param fault      what goes wrong, or null for a delay only
 * @param delayMs    milliseconds before the answer; 0 for none
 * @param delayMaxMs the upper end of a random delay in milliseconds, or null for a fixed one
 * @param share      the share of the matching calls affected, from 0 (exclusive) to 1 (every call)
 * @param calls      the number of affected calls after which the rule ends, or null for no end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String operation, Fault fault, int delayMs, Integer delayMaxMs, double share,
                        Integer calls) {
    /** The {@code operation} of a rule for every operation. */
    public static final String EVERY_OPERATION = "*";

    /** What can go wrong. */
    public enum Fault {
        /** HTTP 500 with the EnOS envelope, code 99500 (the service failed). */
        HTTP_500("500"),
        /** HTTP 502 with the gateway's {@code {"status": 502, "msg"}} (the gateway could not reach the service). */
        HTTP_502("502"),
        /** HTTP 503 with the gateway's {@code {"status": 503, "msg"}} (the service is unavailable). */
        HTTP_503("503"),
        /** HTTP 429 with the gateway's {@code {"status": 429, "msg"}}: the gateway's throttle (APIM flow control). */
        HTTP_429("429"),
        /** The connection is reset, no answer. */
        CONNECTION_RESET("reset"),
        /** The connection is closed without an answer. */
        EMPTY_RESPONSE("empty"),
        /** An answer whose chunked framing is broken. */
        MALFORMED_RESPONSE("malformed");

        private final String name;

        Fault(String name) {
            this.name = name;
        }

        /** The name used in JSON and on the command line. */
        @JsonValue
        public String text() {
            return name;
        }

        /** The fault with this name ({@code 503}, {@code reset}, ...). */
        @JsonCreator
        public static Fault of(String name) {
            return Arrays.stream(values()).filter(fault -> fault.name.equals(String.valueOf(name).toLowerCase(
                    Locale.ROOT))).findFirst().orElseThrow(() -> new IllegalArgumentException("fault '" + name
                    + "' is not one of " + Arrays.stream(values()).map(Fault::text).collect(Collectors.joining(", "))));
        }
    }

    /** What a rule's {@code operation} may be: {@code *} for every operation, then each {@link Operation#id()}. */
    public static List<String> operations() {
        return Stream.concat(Stream.of(EVERY_OPERATION), Arrays.stream(Operation.values()).map(Operation::id))
                .toList();
    }

    /** The rule a JSON object describes (absent fields take their defaults: no delay, every call, no end). */
    @JsonCreator
    static FaultRule fromJson(@JsonProperty("operation") String operation, @JsonProperty("fault") Fault fault,
                              @JsonProperty("delayMs") Integer delayMs, @JsonProperty("delayMaxMs") Integer delayMaxMs,
                              @JsonProperty("share") Double share, @JsonProperty("calls") Integer calls) {
        return new FaultRule(operation, fault, delayMs == null ? 0 : delayMs, delayMaxMs,
                share == null ? 1.0 : share, calls);
    }

    public FaultRule {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation is missing; it must be one of "
                    + String.join(", ", operations()));
        }
        if (!operations().contains(operation)) {
            throw new IllegalArgumentException("operation '" + operation + "' is not one of "
                    + String.join(", ", operations()));
        }
        if (delayMs < 0 || (delayMaxMs != null && delayMaxMs < delayMs)) {
            throw new IllegalArgumentException("delayMs must be 0 or more and delayMaxMs at least delayMs, were "
                    + delayMs + " and " + delayMaxMs);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be above 0 and at most 1, was " + share);
        }
        if (calls != null && calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
    }

    /** A rule for one operation ({@code "create-job"}) or every one ({@code "*"}); give it a fault, a delay, or both. */
    public static FaultRule on(String operation) {
        return new FaultRule(operation, null, 0, null, 1.0, null);
    }

    /** True when the rule changes anything (a fault, a delay, or both). */
    public boolean hasEffect() {
        return fault != null || delayMs > 0 || delayMaxMs != null;
    }

    /** The calls fail this way. */
    public FaultRule fail(Fault with) {
        return new FaultRule(operation, with, delayMs, delayMaxMs, share, calls);
    }

    /** The answers come after this delay. */
    public FaultRule delay(Duration delay) {
        return new FaultRule(operation, fault, (int) delay.toMillis(), null, share, calls);
    }

    /** The answers come after a random delay from {@code min} to {@code max}. */
    public FaultRule delay(Duration min, Duration max) {
        return new FaultRule(operation, fault, (int) min.toMillis(), (int) max.toMillis(), share, calls);
    }

    /** Only this share of the matching calls is affected (0.3: about three calls in ten). */
    public FaultRule share(double part) {
        return new FaultRule(operation, fault, delayMs, delayMaxMs, part, calls);
    }

    /** Only the next {@code count} matching calls are affected. */
    public FaultRule nextCalls(int count) {
        return new FaultRule(operation, fault, delayMs, delayMaxMs, share, count);
    }

    /** True when the rule applies to the operation. */
    boolean covers(Operation op) {
        return operation.equals(EVERY_OPERATION) || operation.equals(op.id());
    }
}
