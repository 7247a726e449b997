package io.enoskit.ota.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks an incoming HTTP request against the spec, the first step of every operation of the mock.
 *
 * <p>Steps: read the JSON body (malformed JSON → violation on {@code body}); turn numeric strings into numbers
 * where the spec wants integers and list the nulls it does not allow ({@link BodyWalk}); validate query, headers
 * and body with openapi-request-validator; read its report as field-level {@link Violation}s ({@link ReportReader}).
 * Built once at start-up and shared by all requests (thread-safe).
 */
public final class ContractCheck {
    /** The report key of an unknown body field; lenient mode maps it to IGNORE. */
    public static final String UNKNOWN_FIELD_KEY = "validation.request.body.schema.additionalProperties";
    /**
     * The report keys of the spec's security (the APIM access token): the gateway's to check, not the contract's
     * (the mock's {@code GatewayFilter} does it when asked), so they never make a 99400.
     */
    public static final String GATEWAY_CREDENTIALS_KEY = "validation.request.security";
    /** The report key of a query parameter the operation does not declare; lenient mode maps it to IGNORE. */
    public static final String UNKNOWN_QUERY_PARAMETER_KEY = "validation.request.parameter.query.unexpected";
    private static final Set<String> KNOWN_METHODS = Arrays.stream(Request.Method.values())
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private static final String BODY_MISSING_KEY = "validation.request.body.missing";
    private static final String BODY_KEY_PREFIX = "request.body";
    private static final JsonNode STRING_TYPE = Json.mapper().createObjectNode().put("type", "string");

    private final OpenApiContract contract;
    private final OpenApiInteractionValidator validator;
    private final OpenApiInteractionValidator withoutBody;
    private final SchemaValidator bodyValidator;
    private final Map<String, RequestBodySpec> requestBodies = new ConcurrentHashMap<>();
    private final Map<String, Schema<?>> branchRefs = new ConcurrentHashMap<>();
    private final BodyWalk bodyWalk;
    private final ReportReader reportReader;

    /**
     * @param contract the spec
     * @param lenient  when true, unknown body fields are let through (and skipped when decoding)
     */
    public ContractCheck(OpenApiContract contract, boolean lenient) {
        this.contract = contract;
        this.bodyWalk = new BodyWalk(contract);
        this.reportReader = new ReportReader(contract.openApi());
        LevelResolver levels = levels(lenient, false);
        LevelResolver bodyApart = levels(lenient, true);
        this.validator = contract.validator(levels);
        this.withoutBody = contract.validator(bodyApart);
        this.bodyValidator = new SchemaValidator(contract.openApi(), new MessageResolver(levels));
    }

    /**
     * How each kind of report message counts: configuration, not branches (STYLE V5). Unknown body fields and
     * query parameters are errors (so typos show up offline) unless lenient; an {@code Accept} header with a part
     * that is no media type (older Java clients send {@code *; q=.2}) is let through, its valid parts still decide;
     * the gateway's credentials are not the contract check's business.
     *
     * @param bodyApart true for the check that leaves the body to the discriminated branch's schema
     */
    private static LevelResolver levels(boolean lenient, boolean bodyApart) {
        ValidationReport.Level unknown = lenient ? ValidationReport.Level.IGNORE : ValidationReport.Level.ERROR;
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel(UNKNOWN_FIELD_KEY, unknown)
                .withLevel(UNKNOWN_QUERY_PARAMETER_KEY, unknown)
                .withLevel("validation.request.accept.invalid", ValidationReport.Level.IGNORE)
                .withLevel(GATEWAY_CREDENTIALS_KEY, ValidationReport.Level.IGNORE);
        if (bodyApart) {
            levels.withLevel(BODY_MISSING_KEY, ValidationReport.Level.IGNORE);
        }
        return levels.build();
    }

    /**
     * Checks one request.
     *
     * @param request method, path, query parameters (any order), headers and body as received
     * @return the request's query and normalised body
     * @throws ContractViolation listing every field that breaks the spec (99400), or, with
     *                           {@code operationMissing()}, saying no operation matches (99404)
     */
    public ValidRequest check(HttpRequest received) {
        HttpRequest request = withoutEmptyBody(received);
        if (!KNOWN_METHODS.contains(request.method())) {
            throw new ContractViolation(List.of(new Violation("method",
                    request.method() + " is not an HTTP method of this API")), true);
        }
        if (request.hasBody() && request.contentType() == null) {
            throw new ContractViolation(List.of(new Violation("Content-Type",
                    "is missing; send the body as application/json")), false);
        }
        RequestBodySpec spec = requestBody(request);
        Optional<Schema<?>> schema = spec.schema();
        JsonNode body = readBody(request);
        List<Violation> ownViolations = new ArrayList<>();
        if (body != null && schema.isPresent()) {
            body = bodyWalk.walk(body, schema.get(), ownViolations);
        }
        if (request.hasBody() && !request.contentTypeIsMediaType()) {
            // the validator reads some of these leniently as their media type; the body is then unread (not JSON)
            ownViolations.add(new Violation("Content-Type", ReportReader.NOT_A_MEDIA_TYPE));
        }
        ValidationReport report = validate(request, body, schema, ownViolations);
        List<Violation> violations = new ArrayList<>(reportReader.violations(report, new ReportReader.Checked(body,
                spec.schemaTree(), request.query(), spec.contentTypes())));
        violations.addAll(ownViolations);
        // the kit's own checks may find what the report also says, worded alike
        violations = violations.stream().distinct().toList();
        if (!violations.isEmpty()) {
            throw new ContractViolation(violations, ReportReader.operationMissing(report));
        }
        return new ValidRequest(request.query(), body, contract.release());
    }

    /**
     * Checks one JSON part of a multipart body against a schema of the spec's components, as {@link #check} checks a
     * JSON body: the validator reads no multipart body itself (Create Firmware File's {@code metadata} part).
     *
     * @param part   the part's name, the prefix of every violation's field ({@code metadata.sign})
     * @param schema the name of the schema under {@code components/schemas} ({@code FirmwareMetadata})
     * @param text   the part's content
     * @return the part, numeric strings turned into numbers where the schema wants them
     * @throws ContractViolation naming {@code part} when the content is not JSON, else each field that breaks the
     *                           schema, as {@code part.field}
     */
    public JsonNode checkJsonPart(String part, String schema, String text) {
        Schema<?> ref = branchRefs.computeIfAbsent("#/components/schemas/" + schema,
                mapped -> new Schema<>().$ref(mapped));
        if (contract.resolve(ref) == null) {
            throw new IllegalArgumentException("the spec has no schema " + schema);
        }
        JsonNode read;
        try {
            read = Json.mapper().readTree(text);
        } catch (StreamConstraintsException tooDeep) {
            throw new ContractViolation(List.of(new Violation(part, "nests objects and arrays deeper than "
                    + Json.MAX_NESTING_DEPTH + " levels")), false);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(List.of(new Violation(part, "is not well-formed JSON: "
                    + e.getOriginalMessage())), false);
        }
        if (read == null || read.isMissingNode()) {
            throw new ContractViolation(List.of(new Violation(part, "is empty; it must be a JSON object")), false);
        }
        List<Violation> own = new ArrayList<>();
        JsonNode walked = bodyWalk.walk(read, contract.resolve(ref), own);
        ValidationReport report = bodyValidator.validate(() -> walked, ref, BODY_KEY_PREFIX);
        List<Violation> violations = new ArrayList<>(reportReader.violations(report, new ReportReader.Checked(walked,
                ReportReader.schemaTree(ref), Map.of(), Set.of("application/json"))));
        violations.addAll(own);
        List<Violation> named = violations.stream().distinct()
                .map(violation -> new Violation(violation.field().equals("body") ? part
                        : part + "." + violation.field(), violation.rule()))
                .toList();
        if (!named.isEmpty()) {
            throw new ContractViolation(named, false);
        }
        return walked;
    }

    /**
     * An operation that takes no body (Get, Start, Stop, Delete OTA Job) treats an empty JSON object as no body: the
     * official clients send {@code {}} with their POSTs (the Python samples, and the Java client's raw mode). Any
     * other body stays, for the spec check to reject.
     */
    private HttpRequest withoutEmptyBody(HttpRequest request) {
        if (!request.hasBody() || !KNOWN_METHODS.contains(request.method())) {
            return request;
        }
        boolean takesNoBody = contract.operation(request.path(), request.method())
                .map(operation -> operation.getRequestBody() == null).orElse(false);
        if (!takesNoBody) {
            return request;
        }
        try {
            JsonNode body = Json.mapper().readTree(request.body());
            return body != null && body.isObject() && body.isEmpty() ? request.withoutBody() : request;
        } catch (JsonProcessingException notJson) {
            return request;
        }
    }

    /**
     * With a body whose schema is a {@code oneOf} with a discriminator, the discriminator is read first: its value
     * picks the one branch the body is checked against, and the rest of the request is checked without the body.
     * A missing, non-string or unmapped value is the body's only breach (the branches' rules would only repeat that
     * the body is none of them). Any other request goes through the whole check.
     */
    private ValidationReport validate(HttpRequest request, JsonNode body, Optional<Schema<?>> schema,
                                      List<Violation> bodyViolations) {
        Optional<Discriminator> discriminated = schema.map(contract::resolve).flatMap(OneOfBranches::of);
        if (discriminated.isEmpty() || body == null || !body.isObject()) {
            return validator.validateRequest(toValidatorRequest(request, body, true));
        }
        ValidationReport rest = withoutBody.validateRequest(toValidatorRequest(request, null, false));
        Discriminator discriminator = discriminated.get();
        String property = discriminator.getPropertyName();
        JsonNode value = body.get(property);
        String ref = OneOfBranches.chosen(discriminator, body).orElse(null);
        // the branch as a reference, not the schema itself, so the report's pointers lead into the spec's components
        Schema<?> branch = ref == null ? null : branchRefs.computeIfAbsent(ref, mapped -> new Schema<>().$ref(mapped));
        if (branch == null || contract.resolve(branch) == null) {
            bodyViolations.add(new Violation(property, value == null ? "is mandatory but missing"
                    : !value.isTextual() ? SchemaRules.rule("type", STRING_TYPE, value)
                    : SchemaRules.rule("enum", mappedValues(discriminator), value)));
            return rest;
        }
        return rest.merge(bodyValidator.validate(() -> body, branch, BODY_KEY_PREFIX));
    }

    /** The discriminator's values as an {@code enum} keyword, for the rule's wording. */
    private static JsonNode mappedValues(Discriminator discriminator) {
        ObjectNode schema = Json.mapper().createObjectNode();
        ArrayNode values = schema.putArray("enum");
        discriminator.getMapping().keySet().forEach(values::add);
        return schema;
    }

    /**
     * What the spec says of an operation's request body, looked up once per method and path: its JSON schema (if
     * any), that schema as the validator serialises it (the root of the report's relative pointers), and the media
     * types it takes.
     */
    private record RequestBodySpec(Optional<Schema<?>> schema, JsonNode schemaTree, Set<String> contentTypes) {
    }

    private RequestBodySpec requestBody(HttpRequest request) {
        return requestBodies.computeIfAbsent(request.method() + " " + request.path(), key -> {
            Optional<Schema<?>> schema = contract.jsonRequestSchema(request.path(), request.method());
            Set<String> contentTypes = contract.operation(request.path(), request.method())
                    .map(operation -> operation.getRequestBody())
                    .map(body -> body.getContent() == null ? Set.<String>of() : Set.copyOf(body.getContent().keySet()))
                    .orElse(Set.of());
            return new RequestBodySpec(schema, schema.map(ReportReader::schemaTree).orElse(null),
                    new TreeSet<>(contentTypes));
        });
    }

    private static JsonNode readBody(HttpRequest request) {
        if (!request.hasBody() || !request.isJson()) {
            return null;
        }
        try {
            return Json.mapper().readTree(request.body());
        } catch (StreamConstraintsException tooDeep) {
            throw new ContractViolation(List.of(new Violation("body", "nests objects and arrays deeper than "
                    + Json.MAX_NESTING_DEPTH + " levels")), false);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ContractViolation(List.of(new Violation("body",
                    "is not well-formed JSON: " + e.getOriginalMessage() + where)), false);
        }
    }

    /** The request for the validator, with the normalised body, or the raw one when it is not JSON, or none. */
    private static Request toValidatorRequest(HttpRequest request, JsonNode body, boolean withBody) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
        for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
            builder.withQueryParam(parameter.getKey(), parameter.getValue());
        }
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (withBody && body != null) {
            builder.withBody(Json.write(body));
        } else if (withBody && request.hasBody()) {
            builder.withBody(request.body());
        }
        return builder.build();
    }
}
