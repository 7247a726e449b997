package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Envelope;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.PagedEnvelope;
import io.enoskit.ota.domain.OtaError;
import io.enoskit.ota.domain.OtaRuleException;
import io.enoskit.ota.domain.Page;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation and answers with the EnOS envelope, mapping each outcome to one code:
 * <ul>
 *   <li>result → HTTP 200, code 0, msg "OK", the result in {@code data};</li>
 *   <li>{@link OtaRuleException} → HTTP 200, its documented code and message, {@code data} null;</li>
 *   <li>{@link ContractViolation} → HTTP 200, 99400 "Invalid Argument field: rule; ..." (HTTP status inferred);
 *       for a request naming no operation, HTTP 404 and 99404;</li>
 *   <li>any other exception (a fault of the mock) → HTTP 500, 99500, logged with its stack trace on the
 *       server side only.</li>
 * </ul>
 */
final class EnvelopeResponses {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeResponses.class);

    private EnvelopeResponses() {
    }

    static ResponseDefinition answer(Supplier<Object> operation) {
        try {
            return outcome(operation);
        } catch (RuntimeException fault) {
            LOG.error("the mock failed on a request", fault);
            return json(500, EnvelopeResponses.error(OtaError.INTERNAL_ERROR));
        }
    }

    private static ResponseDefinition outcome(Supplier<Object> operation) {
        try {
            Object data = operation.get();
            return json(200, data instanceof PagedEnvelope paged ? paged : Envelope.ok(data));
        } catch (OtaRuleException rule) {
            return json(200, Envelope.error(rule.code(), rule.getMessage()));
        } catch (ContractViolation violation) {
            if (violation.operationMissing()) {
                return json(404, EnvelopeResponses.error(OtaError.NO_SUCH_OPERATION, violation.getMessage()));
            }
            return json(200, EnvelopeResponses.error(OtaError.INVALID_ARGUMENT, violation.getMessage()));
        }
    }

    /** The error envelope of a code of the catalogue, with its arguments filled in. */
    static Envelope error(OtaError error, Object... args) {
        return Envelope.error(error.code(), error.message(args));
    }

    /** A search's answer: the page's records, converted for the answer, with the page's pagination. */
    static PagedEnvelope paged(Page<?> page, List<?> data) {
        return PagedEnvelope.ok(page.pageNo(), page.pageSize(), page.totalSize(), data);
    }

    static ResponseDefinition json(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(Json.write(body))
                .build();
    }
}
