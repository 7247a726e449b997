package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.http.Request;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Json;
import java.io.IOException;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.URIUtil;

/**
 * What an admin route reads from its request, the one place that turns a bad body or path into a message: the body
 * as a JSON object, that object as one of the kit's types, and a path parameter. Each problem is an
 * {@link IllegalArgumentException} whose message names the field or parameter, which {@link AdminAnswers#answer}
 * answers with 400 {@code {"error": message}}.
 */
final class AdminRequests {
    /** The kit's mapper, but a number is no string, and a string no number or boolean (admin bodies are typed). */
    private static final ObjectMapper STRICT = strict();

    private AdminRequests() {
    }

    /**
     * A reader of admin bodies of the given type: typed as {@link #STRICT} says, and an unknown field is an error.
     * A caller adds what its type needs besides ({@code .without(ACCEPT_FLOAT_AS_INT)}).
     */
    static ObjectReader reader(Class<?> type) {
        return STRICT.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The request's body as a JSON object; an empty or blank body is {@code {}}.
     *
     * @throws IllegalArgumentException the body cannot be read (its encoding), is not well-formed JSON, or is not an
     *                                  object
     */
    static ObjectNode object(Request request) {
        String body;
        try {
            body = WireMockRequests.bodyText(request);
        } catch (ContractViolation unreadable) {
            throw new IllegalArgumentException("the body cannot be read: " + unreadable.getMessage());
        }
        try {
            var node = Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The request's body read as its type, with the route's path parameters set into it as fields of the same name
     * (the path's value wins over one the body gives); or the reason it is not one: the rule the type's constructor
     * broke, an unknown field with the fields the type knows (Jackson's list, less those the path gives), or a field
     * of the wrong type with the type it takes.
     *
     * @param reader     from {@link #reader(Class)}
     * @param what       the body's name in the message ("device")
     * @param pathFields the path parameters the type takes as fields, e.g. {@code orgId}, {@code deviceKey}
     * @throws IllegalArgumentException as {@link #object(Request)} and {@link #param(PathParams, String)}, or "the
     *                                  {what} is not valid: ..."
     */
    static <T> T read(ObjectReader reader, Request request, PathParams params, String what, String... pathFields) {
        ObjectNode body = object(request);
        for (String field : pathFields) {
            body.put(field, param(params, field));
        }
        try {
            return reader.readValue(body);
        } catch (IOException wrong) {
            throw new IllegalArgumentException("the " + what + " is not valid: "
                    + problem(wrong, Set.of(pathFields)));
        }
    }

    /**
     * A path parameter, percent-decoded as a path segment (the router hands them over as sent): a {@code +} stays a
     * plus, as in any URL path; only a query's form encoding makes it a space.
     *
     * @throws IllegalArgumentException naming the parameter when its percent-encoding is broken (answered 400)
     */
    static String param(PathParams params, String name) {
        String raw = params.get(name);
        try {
            return URIUtil.decodePath(raw);
        } catch (RuntimeException broken) {
            throw new IllegalArgumentException("path parameter " + name + " '" + raw
                    + "' is not valid percent-encoded UTF-8");
        }
    }

    private static String problem(IOException wrong, Set<String> fromPath) {
        if (wrong.getCause() instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' (known: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).filter(name -> !fromPath.contains(name)).collect(Collectors.joining(", "))
                    + ")";
        }
        if (wrong instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            Class<?> type = mismatch.getTargetType();
            return "field '" + field + "' has the wrong type" + (type == null ? "" : " (it takes "
                    + typeName(type) + ")");
        }
        return String.valueOf(wrong.getMessage());
    }

    /** "a string", "a whole number", "true or false", "a number", "an object" or "a list" for a Java type. */
    private static String typeName(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "a list" : "an object";
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
