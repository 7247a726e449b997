package io.enoskit.ota.contract;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext.Pointers;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * Reads a swagger-request-validator report as a list of {@link Violation}s, each naming one field and one rule.
 *
 * <p>Fields and rules come from the report's structured data, never from the wording of its messages: the message
 * key (which check failed), the context's parameter (for query parameters) and, for body messages, the context's
 * JSON pointers. The instance pointer is the field's place in the body; the schema pointer is the schema that
 * holds the failed keyword, in the spec as the validator serialises it. The validator's text is passed on only as
 * the rule of a check this class has no words of its own for (a range, a type, an enum, a content type).
 *
 * <p>How the report is read:
 * <ul>
 *   <li>Only ERROR messages count; levels come from the validator's {@code LevelResolver}, so a lenient mode
 *       is a level mapping, not a branch here.</li>
 *   <li>A body that is a {@code oneOf} with a discriminator yields a "discriminator" message holding the chosen
 *       branch's messages and a "oneOf" message holding every branch's: the "oneOf" one is dropped as noise.</li>
 *   <li>Messages with nested messages are replaced by their ERROR leaves; one whose leaves are all ignored (such
 *       as unknown fields in lenient mode) drops out, so the request passes.</li>
 *   <li>"required" and "additionalProperties" messages become one violation per named field. The report does not
 *       carry the names (swagger-request-validator's {@code ProcessingMessageConverter} keeps only json-schema-
 *       validator's keyword, message, instance and schema pointers and nested reports, and drops its
 *       {@code missing} and {@code unwanted} arrays), so they are read where the pointers lead: the schema's
 *       {@code required} names the body object lacks, the body object's names its schema's {@code properties}
 *       lack. A discriminator message is read the same way: the schema's {@code discriminator} names the property,
 *       the body holds its value.</li>
 * </ul>
 */
final class ReportReader {
    private static final String DISCRIMINATOR = "validation.request.body.schema.discriminator";
    private static final String ONE_OF = "validation.request.body.schema.oneOf";
    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final String UNKNOWN_FIELD =
            "is not a field of this object (unknown fields are rejected unless the mock runs lenient)";

    /**
     * The document the schema pointers point into: the spec serialised with swagger-core's mapper, as
     * swagger-request-validator's {@code SchemaValidator} does before it injects {@code components}.
     */
    private final JsonNode schemaDocument;

    /** @param openApi the parsed spec the validator checks against */
    ReportReader(OpenAPI openApi) {
        this.schemaDocument = io.swagger.v3.core.util.Json.mapper().valueToTree(openApi);
    }

    /** True when the report says the path or the method names no operation of the spec. */
    static boolean operationMissing(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == Level.ERROR)
                .anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    /**
     * The report's errors as violations without duplicates, query parameters first, then the rest in report order;
     * empty when the request passes.
     *
     * @param body the JSON body exactly as the validator checked it (after {@link NumericStrings}), or null
     */
    List<Violation> violations(ValidationReport report, JsonNode body) {
        JsonNode instance = body == null ? MissingNode.getInstance() : body;
        List<Message> errors = report.getMessages().stream().filter(m -> m.getLevel() == Level.ERROR).toList();
        boolean discriminated = errors.stream().anyMatch(m -> m.getKey().equals(DISCRIMINATOR));
        Set<Violation> parameters = new LinkedHashSet<>();
        Set<Violation> others = new LinkedHashSet<>();
        boolean discriminatorSeen = false;
        for (Message message : errors) {
            if (discriminated && message.getKey().equals(ONE_OF)) {
                continue;
            }
            if (message.getKey().equals(DISCRIMINATOR) && message.getNestedMessages().isEmpty()) {
                // an unmapped value gives a second leaf ("could not find any schema spec") about the same field
                if (discriminatorSeen) {
                    continue;
                }
                discriminatorSeen = true;
            }
            boolean parameter = message.getContext().flatMap(MessageContext::getParameter).isPresent();
            collectLeaves(message, instance, parameter ? parameters : others);
        }
        List<Violation> ordered = new ArrayList<>(parameters);
        ordered.addAll(others);
        return ordered;
    }

    private void collectLeaves(Message message, JsonNode body, Set<Violation> found) {
        if (message.getNestedMessages().isEmpty()) {
            if (message.getLevel() == Level.ERROR) {
                found.addAll(toViolations(message, body));
            }
            return;
        }
        message.getNestedMessages().forEach(nested -> collectLeaves(nested, body, found));
    }

    private List<Violation> toViolations(Message message, JsonNode body) {
        String key = message.getKey();
        Optional<MessageContext> context = message.getContext();
        Optional<Pointers> pointers = context.flatMap(MessageContext::getPointers);
        String text = withoutPointer(message.getMessage(), pointers);
        Optional<String> parameter = context.flatMap(MessageContext::getParameter).map(Parameter::getName);
        if (parameter.isPresent()) {
            String rule = key.endsWith(".missing") ? "is mandatory but missing or blank" : text;
            return List.of(new Violation(parameter.get(), rule));
        }
        if (key.startsWith("validation.request.contentType")) {
            return List.of(new Violation("Content-Type", text));
        }
        if (key.equals("validation.request.body.missing")) {
            return List.of(new Violation("body", "is mandatory but the request has none"));
        }
        if (key.startsWith(BODY_SCHEMA)) {
            JsonPointer at = pointers.map(p -> instancePointer(p.getInstance())).orElse(JsonPointer.empty());
            JsonNode instance = body.at(at);
            JsonNode schema = pointers.map(p -> schemaAt(p.getSchema())).orElse(MissingNode.getInstance());
            String base = dotted(at);
            if (key.equals(DISCRIMINATOR)) {
                return List.of(discriminatorViolation(base, instance, schema, text));
            }
            if (key.endsWith(".required")) {
                return perName(base, missing(schema, instance), "is mandatory but missing", text);
            }
            if (key.endsWith(".additionalProperties")) {
                return perName(base, unwanted(schema, instance), UNKNOWN_FIELD, text);
            }
            return List.of(new Violation(orBody(base), text));
        }
        if (key.startsWith("validation.request.path") || key.startsWith("validation.request.operation")) {
            return List.of(new Violation("path", text));
        }
        return List.of(new Violation("request", text));
    }

    /**
     * The discriminator's property (from the schema at the pointer) and what is wrong with its value (from the
     * body); the validator's list of values also holds schema names, so only the mapped values a client may send
     * are named.
     */
    private static Violation discriminatorViolation(String base, JsonNode instance, JsonNode schema, String text) {
        JsonNode discriminator = schema.path("discriminator");
        String property = discriminator.path("propertyName").textValue();
        if (property == null || !instance.isObject()) {
            return new Violation(orBody(base), text);
        }
        String field = base.isEmpty() ? property : base + "." + property;
        JsonNode value = instance.get(property);
        if (value == null) {
            return new Violation(field, "is mandatory but missing");
        }
        if (!value.isTextual()) {
            return new Violation(field, "must be a String value");
        }
        List<String> values = names(discriminator.path("mapping"));
        if (!values.contains(value.textValue())) {
            return new Violation(field, "value '" + value.textValue() + "' is not one of " + values);
        }
        return new Violation(field, text);
    }

    /**
     * The schema's required properties the object lacks, sorted as json-schema-validator lists them; read-only
     * properties are left out, as swagger-request-validator drops them from {@code required} in requests.
     */
    private static List<String> missing(JsonNode schema, JsonNode instance) {
        if (!instance.isObject()) {
            return List.of();
        }
        JsonNode properties = schema.path("properties");
        return StreamSupport.stream(schema.path("required").spliterator(), false)
                .map(JsonNode::asText)
                .filter(name -> !instance.has(name))
                .filter(name -> !properties.path(name).path("readOnly").asBoolean(false))
                .distinct().sorted().toList();
    }

    /**
     * The object's fields its schema's {@code properties} do not list, sorted as json-schema-validator lists them
     * (OpenAPI 3.0 has no {@code patternProperties} that could admit more).
     */
    private static List<String> unwanted(JsonNode schema, JsonNode instance) {
        if (!instance.isObject() || !schema.isObject()) {
            return List.of();
        }
        JsonNode properties = schema.path("properties");
        return names(instance).stream().filter(name -> !properties.has(name)).sorted().toList();
    }

    /** One violation per name under {@code base}; the validator's text on the object when no name was found. */
    private static List<Violation> perName(String base, List<String> names, String rule, String text) {
        if (names.isEmpty()) {
            return List.of(new Violation(orBody(base), text));
        }
        return names.stream().map(name -> new Violation(base.isEmpty() ? name : base + "." + name, rule)).toList();
    }

    private static List<String> names(JsonNode object) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(object.fieldNames(), 0), false).toList();
    }

    /**
     * The text without the {@code [Path '/a/b'] } swagger-request-validator writes before it from the instance
     * pointer: the field is named from the pointer itself. The report has no field holding json-schema-validator's
     * message without that prefix ({@code ProcessingMessageConverter.buildMessage} joins the two), so the prefix,
     * rebuilt from the pointer, is cut off the text; nothing is read from the text. Were the prefix worded
     * otherwise, the rule would merely keep it.
     */
    private static String withoutPointer(String text, Optional<Pointers> pointers) {
        String prefix = pointers.map(p -> "[Path '" + p.getInstance() + "'] ").orElse(null);
        return prefix != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** The validator writes the root as {@code /} (json-schema-validator's empty pointer). */
    private static JsonPointer instancePointer(String pointer) {
        if (pointer == null || pointer.equals("/")) {
            return JsonPointer.empty();
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException notAPointer) {
            return JsonPointer.empty();
        }
    }

    private JsonNode schemaAt(String pointer) {
        try {
            return pointer == null ? MissingNode.getInstance() : schemaDocument.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException notAPointer) {
            return MissingNode.getInstance();
        }
    }

    /** {@code /upgradeScope/deviceKeys/0} becomes {@code upgradeScope.deviceKeys[0]}; the root becomes "". */
    private static String dotted(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
            String name = at.getMatchingProperty();
            if (name.isEmpty()) {
                continue;
            }
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    private static String orBody(String base) {
        return base.isEmpty() ? "body" : base;
    }
}
