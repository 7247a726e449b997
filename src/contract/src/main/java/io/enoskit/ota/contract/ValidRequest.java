package io.enoskit.ota.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.profile.EnosVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that passed the spec check: its query parameters and its JSON body (numeric strings already
 * turned into numbers), ready to be decoded into a generated model.
 */
public final class ValidRequest {
    private final Map<String, List<String>> query;
    private final JsonNode body;
    private final EnosVersion release;

    ValidRequest(Map<String, List<String>> query, JsonNode body, EnosVersion release) {
        this.query = query;
        this.body = body;
        this.release = release;
    }

    /** The EnOS release whose spec the request was checked against ({@link OpenApiContract#release()}). */
    public EnosVersion release() {
        return release;
    }

    /** The first value of a query parameter, or null; the spec check has ensured the required ones are there. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The body decoded into a model class, or empty when the request has none (operations whose body is optional).
     *
     * @throws ContractViolation on the field {@code body} if it cannot be decoded
     */
    public <T> Optional<T> optionalBody(Class<T> type) {
        return body == null || body.isNull() ? Optional.empty() : Optional.of(body(type));
    }

    /**
     * The body decoded into a model class.
     *
     * @throws ContractViolation on the field {@code body} if it cannot be decoded (a spec the models do not fit)
     */
    public <T> T body(Class<T> type) {
        if (body == null) {
            throw new ContractViolation(List.of(new Violation("body", "is mandatory but the request has none")),
                    false);
        }
        try {
            return Json.mapper().treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation(List.of(new Violation("body", "cannot be read as "
                    + type.getSimpleName() + ": " + e.getMessage())), false);
        }
    }
}
