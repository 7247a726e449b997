package io.enoskit.ota.contract;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext.Pointers;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * Reads an openapi-request-validator report as a list of {@link Violation}s, each naming one field and one rule.
 * Fields and rules come from the report's structured data (message key, the context's parameter and JSON pointers),
 * never from the wording of its messages; a schema rule is worded by {@link SchemaRules} from the keyword that failed
 * ({@code #/components/schemas/UpgradeTimeout/maximum}), the schema that holds it and the value found.
 */
final class ReportReader {
    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final String PARAMETER_SCHEMA = "validation.request.parameter.schema.";
    /** swagger-core's mapper (not the kit's {@code Json}): the validator serialises schemas with it. */
    private static final ObjectMapper SWAGGER_MAPPER = Json.mapper();
    /** The rule of a Content-Type that is no media type. */
    static final String NOT_A_MEDIA_TYPE = "is not a media type";
    private static final String UNKNOWN_FIELD =
            "is not a field of this object (unknown fields are rejected unless the mock runs lenient)";

    /**
     * What the report is read against: the body as the validator checked it (after {@link BodyWalk}) or
     * null, the body's schema serialised as the validator serialises it (the root of pointers such as
     * {@code #/properties/name}) or null, the query parameters, and the media types the operation takes.
     */
    record Checked(JsonNode body, JsonNode bodySchema, Map<String, List<String>> query, Set<String> contentTypes) {
    }

    /**
     * The spec's {@code components}, serialised with swagger-core's mapper as the validator does before it injects
     * them into each schema: the pointers {@code #/components/schemas/...} lead into it.
     */
    private final JsonNode schemaDocument;
    private final OpenAPI openApi;

    /** @param openApi the parsed spec the validator checks against */
    ReportReader(OpenAPI openApi) {
        this.schemaDocument = SWAGGER_MAPPER.valueToTree(openApi);
        this.openApi = openApi;
    }

    /** A schema as the validator serialises it: the root its relative schema pointers lead into. */
    static JsonNode schemaTree(Schema<?> schema) {
        return SWAGGER_MAPPER.valueToTree(schema);
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
     * empty when the request passes. Only ERROR messages count: levels come from the validator's
     * {@code LevelResolver}, so a lenient mode is a level mapping, not a branch here. A {@code oneOf} (or
     * discriminator) message only sums up its branches' messages; it is dropped when the body has any other breach.
     */
    List<Violation> violations(ValidationReport report, Checked checked) {
        List<Message> errors = report.getMessages().stream().filter(m -> m.getLevel() == Level.ERROR).toList();
        boolean detailed = errors.stream().anyMatch(m -> m.getKey().startsWith(BODY_SCHEMA) && !summary(m));
        Set<Violation> parameters = new LinkedHashSet<>();
        Set<Violation> others = new LinkedHashSet<>();
        for (Message message : errors) {
            if (detailed && summary(message)) {
                continue;
            }
            boolean parameter = message.getContext().flatMap(MessageContext::getParameter).isPresent();
            (parameter ? parameters : others).addAll(toViolations(message, checked));
        }
        List<Violation> ordered = new ArrayList<>(parameters);
        ordered.addAll(others);
        return ordered;
    }

    /** A message that sums up the branches of a {@code oneOf} rather than naming a field's breach. */
    private static boolean summary(Message message) {
        String key = message.getKey();
        return key.startsWith(BODY_SCHEMA) && (key.endsWith(".oneOf") || key.contains(".discriminator"));
    }

    private List<Violation> toViolations(Message message, Checked checked) {
        String key = message.getKey();
        Optional<MessageContext> context = message.getContext();
        Optional<Pointers> pointers = context.flatMap(MessageContext::getPointers);
        Optional<Parameter> parameter = context.flatMap(MessageContext::getParameter);
        if (parameter.isPresent()) {
            return List.of(new Violation(parameter.get().getName(), parameterRule(key, parameter.get(), pointers,
                    checked)));
        }
        if (key.startsWith("validation.request.contentType")) {
            return List.of(new Violation("Content-Type", key.endsWith(".invalid") ? NOT_A_MEDIA_TYPE
                    : "must be one of " + checked.contentTypes()));
        }
        if (key.startsWith("validation.request.accept")) {
            return List.of(new Violation("Accept", "names no media type this operation answers with"));
        }
        if (key.equals("validation.request.body.missing")) {
            return List.of(new Violation("body", "is mandatory but the request has none"));
        }
        if (key.equals("validation.request.body.unexpected")) {
            return List.of(new Violation("body", "must be absent: this operation takes no body"));
        }
        if (key.startsWith(BODY_SCHEMA)) {
            return bodyViolations(key, pointers, checked);
        }
        if (key.equals("validation.request.path.missing")) {
            return List.of(new Violation("path", "is not a path of this API"));
        }
        if (key.equals("validation.request.operation.notAllowed")) {
            return List.of(new Violation("path", "does not take this HTTP method"));
        }
        return List.of(new Violation("request", "breaks the spec's rule " + key));
    }

    private static String parameterRule(String key, Parameter parameter, Optional<Pointers> pointers,
                                        Checked checked) {
        if (key.endsWith(".missing")) {
            return "is mandatory but missing or blank";
        }
        if (key.endsWith(".unexpected")) {
            return "is not a parameter of this operation";
        }
        if (key.equals("validation.request.parameter.collection.invalid")) {
            return "is given more than once, but takes one value";
        }
        List<String> values = checked.query().getOrDefault(parameter.getName(), List.of());
        JsonNode found = values.isEmpty() ? MissingNode.getInstance() : TextNode.valueOf(values.get(0));
        JsonNode schema = SWAGGER_MAPPER.valueToTree(parameter.getSchema());
        if (key.startsWith(PARAMETER_SCHEMA) && pointers.isPresent()) {
            Keyword keyword = Keyword.at(pointers.get().getSchema(), schema, MissingNode.getInstance());
            return SchemaRules.rule(keyword.name(), keyword.holder(), found);
        }
        if (key.equals("validation.request.parameter.enum.invalid")) {
            return SchemaRules.rule("enum", schema, found);
        }
        return "breaks the spec's rule " + key;
    }

    /**
     * The violations of a body schema message. A "required" or "additionalProperties" message becomes one violation
     * per named field, read where the pointers lead (the schema's {@code required} names the body object lacks, the
     * body object's names its schema's {@code properties} lack): the report does not carry the names, as the
     * validator's {@code ValidationMessageConverter} keeps only the key, the text and the two pointers of
     * json-schema-validator's error and drops its {@code property} and {@code arguments}.
     */
    private List<Violation> bodyViolations(String key, Optional<Pointers> pointers, Checked checked) {
        JsonNode body = checked.body() == null ? MissingNode.getInstance() : checked.body();
        JsonPointer at = pointers.map(p -> instancePointer(p.getInstance())).orElse(JsonPointer.empty());
        JsonNode instance = body.at(at);
        String base = dotted(at);
        Optional<Keyword> keyword = pointers.map(p -> Keyword.at(p.getSchema(),
                checked.bodySchema() == null ? MissingNode.getInstance() : checked.bodySchema(), schemaDocument));
        if (keyword.isEmpty()) {
            return List.of(new Violation(orBody(base), "breaks the spec's rule " + key));
        }
        JsonNode holder = keyword.get().holder();
        return switch (keyword.get().name()) {
            case "required" -> perName(base, missing(holder, instance), "is mandatory but missing", key);
            case "additionalProperties" -> unknownFields(base, keyword.get(), instance, key);
            default -> List.of(new Violation(orBody(base), SchemaRules.rule(keyword.get().name(), holder, instance)));
        };
    }

    /**
     * The keyword a schema pointer ends with and the schema that holds it. Pointers into {@code components} lead
     * into the spec; any other leads into the root schema the validator was given (a parameter's, or a body's
     * written in place). {@code holderPointer} is the holder's place in the spec ({@code
     * /components/schemas/VerificationJobRequest}), empty when it is not in {@code components}.
     */
    record Keyword(String name, JsonNode holder, String holderPointer) {
        static Keyword at(String schemaPointer, JsonNode root, JsonNode document) {
            String pointer = schemaPointer == null ? "" : schemaPointer.startsWith("#") ? schemaPointer.substring(1)
                    : schemaPointer;
            JsonPointer compiled;
            try {
                compiled = JsonPointer.compile(pointer);
            } catch (IllegalArgumentException notAPointer) {
                return new Keyword("", MissingNode.getInstance(), "");
            }
            JsonPointer last = compiled.last();
            String name = last == null ? "" : last.getMatchingProperty();
            JsonPointer parent = compiled.head() == null ? JsonPointer.empty() : compiled.head();
            JsonNode base = pointer.startsWith("/components/") ? document : root;
            return new Keyword(name, base.at(parent), pointer.startsWith("/components/") ? parent.toString() : "");
        }
    }

    /**
     * The schema's required properties the object lacks, sorted by name; read-only properties are left out, as the
     * validator drops them from {@code required} in requests.
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
     * The object's fields its schema's {@code properties} do not list, sorted by name (OpenAPI 3.0 has no
     * {@code patternProperties} that could admit more).
     */
    private static List<String> unwanted(JsonNode schema, JsonNode instance) {
        if (!instance.isObject() || !schema.isObject()) {
            return List.of();
        }
        JsonNode properties = schema.path("properties");
        return names(instance).stream().filter(name -> !properties.has(name)).sorted().toList();
    }

    /**
     * The body object's fields its schema does not list. A field that another shape of the same discriminated
     * {@code oneOf} takes gets a rule saying so ({@code maximumConcurrency} in a {@code verify} job: "is not allowed
     * for a verify job (only an upgrade job takes it)"), since "not a field" would read as a typo.
     */
    private List<Violation> unknownFields(String base, Keyword keyword, JsonNode instance, String key) {
        List<String> names = unwanted(keyword.holder(), instance);
        if (names.isEmpty()) {
            return perName(base, names, UNKNOWN_FIELD, key);
        }
        return names.stream().map(name -> new Violation(base.isEmpty() ? name : base + "." + name,
                siblingShapeRule(keyword.holderPointer(), name).orElse(UNKNOWN_FIELD))).toList();
    }

    /**
     * When the schema at {@code holderPointer} is one branch of a discriminator's mapping and another branch lists
     * {@code field}: the rule naming both discriminator values. Empty otherwise.
     */
    private Optional<String> siblingShapeRule(String holderPointer, String field) {
        if (holderPointer.isEmpty() || openApi.getComponents() == null
                || openApi.getComponents().getSchemas() == null) {
            return Optional.empty();
        }
        String ref = "#" + holderPointer;
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            Optional<Discriminator> discriminator = OneOfBranches.of(schema);
            Optional<String> own = discriminator.flatMap(mapped -> OneOfBranches.valueOf(mapped, ref));
            if (own.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, String> branch : discriminator.get().getMapping().entrySet()) {
                String other = branch.getKey();
                String otherRef = branch.getValue();
                if (!other.equals(own.get()) && otherRef.startsWith("#")
                        && schemaDocument.at(otherRef.substring(1)).path("properties").has(field)) {
                    return Optional.of("is not allowed for " + withArticle(own.get()) + " job (only "
                            + withArticle(other) + " job takes it)");
                }
            }
        }
        return Optional.empty();
    }

    /** "a verify", "an upgrade". */
    private static String withArticle(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    /** One violation per name under {@code base}; the key's rule on the object when no name was found. */
    private static List<Violation> perName(String base, List<String> names, String rule, String key) {
        if (names.isEmpty()) {
            return List.of(new Violation(orBody(base), "breaks the spec's rule " + key));
        }
        return names.stream().map(name -> new Violation(base.isEmpty() ? name : base + "." + name, rule)).toList();
    }

    private static List<String> names(JsonNode object) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(object.fieldNames(), 0), false).toList();
    }

    /** The validator writes the root as the empty pointer (older versions as {@code /}). */
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
