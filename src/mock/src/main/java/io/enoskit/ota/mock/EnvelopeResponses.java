package io.enoskit.ota.mock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Envelope;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.PagedEnvelope;
import io.enoskit.ota.domain.OtaError;
import io.enoskit.ota.domain.OtaRuleException;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.model.FirmwareInfo;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.IdFormat;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation and answers with the EnOS envelope, mapping each outcome to one code; the one place that writes
 * what the behaviour profile decides of an answer:
 * <ul>
 *   <li>result → HTTP 200, code 0, msg "OK", the result in {@code data};</li>
 *   <li>{@link OtaRuleException} → its documented code and message, {@code data} null, HTTP
 *       {@code errors.httpStatus} (200 by default, inferred); 99403 likewise;</li>
 *   <li>{@link ContractViolation} → 99400 "Invalid Argument field: rule; ...", HTTP
 *       {@code errors.invalidArgumentHttpStatus} (200 by default, inferred); for a request naming no operation,
 *       HTTP 404 and 99404;</li>
 *   <li>any other exception (a fault of the mock) → HTTP 500, 99500, logged with its stack trace on the
 *       server side only.</li>
 * </ul>
 * Every envelope gets a fresh requestId in the form {@code ids.requestId} names; the msg of 99403, 99404 and 99500
 * is {@code messages.<code>}; with {@code answers.unsetFields: null} a JobInfo, TaskInfo or FirmwareInfo is written
 * with every field its schema defines, the unset ones as {@code null}. Immutable, thread-safe.
 */
final class EnvelopeResponses {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeResponses.class);
    private static final ObjectMapper NULLS = withNulls();
    private final BehaviourProfile profile;
    private final int errorStatus;
    private final int invalidArgumentStatus;
    private final IdFormat requestIds;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    /** @param profile the behaviour profile in force */
    EnvelopeResponses(BehaviourProfile profile) {
        this.profile = profile;
        this.errorStatus = profile.errorHttpStatus();
        this.invalidArgumentStatus = profile.invalidArgumentHttpStatus();
        this.requestIds = profile.requestIdFormat();
        this.mapper = profile.writesUnsetFieldsAsNull() ? NULLS : Json.mapper();
        this.writer = mapper.writer();
    }

    /** The mapper that keeps the unset fields of the three answer records, as {@code null}. */
    private static ObjectMapper withNulls() {
        ObjectMapper mapper = Json.mapper().copy();
        JsonInclude.Value always = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                JsonInclude.Include.ALWAYS);
        for (Class<?> record : List.of(JobInfo.class, TaskInfo.class, FirmwareInfo.class)) {
            mapper.configOverride(record).setInclude(always);
        }
        return mapper;
    }

    /**
     * An answer's record as the JSON tree this mock writes (unset fields null or left out, as the profile says), for
     * a step that edits the tree before it is written (an older EnOS release's answer drops later fields).
     */
    JsonNode tree(Object record) {
        return mapper.valueToTree(record);
    }

    /** The operation's answer, or the envelope of the error it raised. */
    ResponseDefinition answer(Supplier<Object> operation) {
        try {
            return outcome(operation);
        } catch (RuntimeException fault) {
            LOG.error("the mock failed on a request", fault);
            return envelope(500, error(OtaError.INTERNAL_ERROR));
        }
    }

    private ResponseDefinition outcome(Supplier<Object> operation) {
        try {
            Object data = operation.get();
            return data instanceof PagedEnvelope paged ? envelope(200, paged) : envelope(200, Envelope.ok(data));
        } catch (OtaRuleException rule) {
            return envelope(errorStatus, error(rule.error(), rule.arguments()));
        } catch (ContractViolation violation) {
            if (violation.operationMissing()) {
                return envelope(404, error(OtaError.NO_SUCH_OPERATION, violation.getMessage()));
            }
            return envelope(invalidArgumentStatus, error(OtaError.INVALID_ARGUMENT, violation.getMessage()));
        }
    }

    /**
     * The error envelope of a code of the catalogue, with its arguments filled in; the msg of 99403, 99404 and 99500
     * is the profile's ({@code messages.<code>}, {@code %s} standing for the one argument), the others the
     * catalogue's documented text.
     */
    Envelope error(OtaError error, Object... args) {
        String msg = profile.message(error.code())
                .map(template -> template.replace("%s", args.length == 0 ? "" : String.valueOf(args[0])))
                .orElseGet(() -> error.message(args));
        return Envelope.error(error.code(), msg);
    }

    /** 99403 for an organization the caller may not act in, HTTP {@code errors.httpStatus}. */
    ResponseDefinition denied(String orgId) {
        return envelope(errorStatus, error(OtaError.DENIED_RESOURCE, "orgId " + orgId));
    }

    /**
     * The HTTP status of a 99400 that a transport check answers where the operation's check would answer 200
     * ({@code errors.invalidArgumentHttpStatus}): a body that is not UTF-8, a query that cannot be decoded.
     */
    int invalidArgumentStatus() {
        return invalidArgumentStatus;
    }

    /** A search's answer: the page's records, converted for the answer, with the page's pagination. */
    static PagedEnvelope paged(Page<?> page, List<?> data) {
        return PagedEnvelope.ok(page.pageNo(), page.pageSize(), page.totalSize(), data);
    }

    /** An envelope (Envelope or PagedEnvelope) with a fresh requestId, as the JSON answer. */
    ResponseDefinition envelope(int status, Object envelope) {
        return respond(status, write(envelope));
    }

    /** An envelope's text with a fresh requestId, for the filters that write the servlet response themselves. */
    byte[] bytes(Envelope envelope) {
        return write(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private String write(Object envelope) {
        Object stamped = switch (envelope) {
            case Envelope plain -> plain.withRequestId(requestIds.random());
            case PagedEnvelope paged -> paged.withRequestId(requestIds.random());
            default -> envelope;
        };
        try {
            return writer.writeValueAsString(stamped);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain JSON (the admin API's answers, the gateway's own errors): no envelope, no profile. */
    static ResponseDefinition json(int status, Object body) {
        return respond(status, Json.write(body));
    }

    private static ResponseDefinition respond(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body)
                .build();
    }
}
