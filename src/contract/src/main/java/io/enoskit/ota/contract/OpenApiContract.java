package io.enoskit.ota.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import io.enoskit.ota.profile.EnosVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document of the OTA job API ({@code spec/ota-jobs.yaml}), read once: its text (for the
 * validator) and its parsed model (for the body normaliser and the consistency tests).
 */
public final class OpenApiContract {
    /** Create OTA Job and Get OTA Job, on the class path (the build copies {@code spec/} there). */
    public static final String SPEC_RESOURCE = "io/enoskit/ota/spec/ota-jobs.yaml";
    /** Start, Stop and Delete OTA Job: same path and method as create, so a document of their own. */
    public static final String ACTIONS_RESOURCE = "io/enoskit/ota/spec/ota-job-actions.yaml";
    /** Search OTA Job; its search request and pagination are shared by the other searches. */
    public static final String JOB_SEARCH_RESOURCE = "io/enoskit/ota/spec/ota-job-search.yaml";
    /** Search OTA Task. */
    public static final String TASK_SEARCH_RESOURCE = "io/enoskit/ota/spec/ota-task-search.yaml";
    /** Cancel and Retry OTA Task. */
    public static final String TASK_ACTIONS_RESOURCE = "io/enoskit/ota/spec/ota-task-actions.yaml";
    /** Get and Search Firmware File ({@code /connect-service/v2.1/ota-firmwares}). */
    public static final String FIRMWARES_RESOURCE = "io/enoskit/ota/spec/ota-firmwares.yaml";
    /** Create Firmware File: same path and method as the firmware search, so a document of its own. */
    public static final String FIRMWARE_CREATE_RESOURCE = "io/enoskit/ota/spec/ota-firmware-create.yaml";
    /** Delete Firmware: same path and method as the firmware search, so a document of its own. */
    public static final String FIRMWARE_ACTIONS_RESOURCE = "io/enoskit/ota/spec/ota-firmware-actions.yaml";
    /** The class-path resource of the Search Device Upgrade document (a POST on the firmware path). */
    public static final String DEVICE_UPGRADE_RESOURCE = "io/enoskit/ota/spec/ota-device-upgrade.yaml";
    /** Every document of the kit, in the order their rules are listed. */
    public static final List<String> DOCUMENTS = List.of(SPEC_RESOURCE, ACTIONS_RESOURCE, JOB_SEARCH_RESOURCE,
            TASK_SEARCH_RESOURCE, TASK_ACTIONS_RESOURCE, FIRMWARES_RESOURCE,
            FIRMWARE_CREATE_RESOURCE, FIRMWARE_ACTIONS_RESOURCE, DEVICE_UPGRADE_RESOURCE);

    private final String text;
    private final OpenAPI openApi;
    private final EnosVersion release;

    private OpenApiContract(String text, OpenAPI openApi) {
        this(text, openApi, EnosVersion.newest());
    }

    private OpenApiContract(String text, OpenAPI openApi, EnosVersion release) {
        this.text = text;
        this.openApi = openApi;
        this.release = release;
    }

    /** The spec of Create and Get OTA Job the kit ships with. */
    public static OpenApiContract load() {
        return load(SPEC_RESOURCE);
    }

    /**
     * A spec the kit ships with, by its class-path name ({@link #DOCUMENTS}). Its {@code $ref}s to the other documents
     * ({@code ota-jobs.yaml#/components/schemas/JobInfo}) are resolved from the class path, so the shared schemas
     * are written once.
     */
    public static OpenApiContract load(String resource) {
        return LOADED.computeIfAbsent(resource, OpenApiContract::read);
    }

    /** Documents read so far, by resource: each is read once per JVM (they are immutable once read). */
    private static final Map<String, OpenApiContract> LOADED = new ConcurrentHashMap<>();
    /** The documents of older releases read so far, by resource and release. */
    private static final Map<String, OpenApiContract> RELEASES = new ConcurrentHashMap<>();

    /**
     * A spec the kit ships with, as an EnOS release has it ({@link EnosRelease}): the properties the release lacks
     * ({@code x-enos-since} newer than it) are removed from its schemas and from their {@code required}. A release
     * that lacks none is the document itself ({@link #load(String)}).
     */
    public static OpenApiContract load(String resource, EnosVersion release) {
        if (!EnosRelease.of(release).lacksAny()) {
            return load(resource);
        }
        return RELEASES.computeIfAbsent(resource + "@" + release, key -> {
            OpenApiContract whole = read(resource);
            whole.withoutFieldsNewerThan(release);
            return new OpenApiContract(whole.text, whole.openApi, release);
        });
    }

    /** Removes, from this (freshly read, unshared) document's schemas, the properties {@code release} lacks. */
    private void withoutFieldsNewerThan(EnosVersion release) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        EnosRelease view = EnosRelease.of(release);
        openApi.getComponents().getSchemas().forEach((name, schema) -> view.lacks(name).keySet().forEach(property -> {
            if (schema.getProperties() != null) {
                schema.getProperties().remove(property);
            }
            if (schema.getRequired() != null) {
                schema.getRequired().remove(property);
            }
        }));
    }

    /** The EnOS release this document is read for: the newest unless {@link #load(String, EnosVersion)} said. */
    public EnosVersion release() {
        return release;
    }

    private static OpenApiContract read(String resource) {
        String text;
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(text);
        return new OpenApiContract(text, parsed(new OpenAPIV3Parser().readLocation(resource, null, options()),
                resource));
    }

    /**
     * Parses a spec text.
     *
     * @throws IllegalArgumentException when the parser reports any message, or a schema has a keyword the validator
     *                                  would drop or fail on ({@link SpecSelfCheck})
     */
    public static OpenApiContract parse(String text) {
        check(text);
        return new OpenApiContract(text, parsed(new OpenAPIV3Parser().readContents(text, null, options()), "the"
                + " OpenAPI document"));
    }

    private static void check(String text) {
        List<String> problems = SpecSelfCheck.problems(text);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI document cannot be used as it is: "
                    + String.join("; ", problems));
        }
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }

    private static OpenAPI parsed(SwaggerParseResult result, String what) {
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalArgumentException(what + " is not valid: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /**
     * An openapi-request-validator for this document, built once per caller and then shared (thread-safe). It
     * reuses the parsed document rather than parsing the text again (start-up time).
     *
     * @param levels how each kind of report message counts (ERROR fails, WARN informs, IGNORE drops)
     */
    public OpenApiInteractionValidator validator(LevelResolver levels) {
        return OpenApiInteractionValidator.createFor(openApi).withLevelResolver(levels).build();
    }

    /** The document as written. */
    public String text() {
        return text;
    }

    /** The parsed document, shared by every user of {@link #load}: treat it as read-only. */
    public OpenAPI openApi() {
        return openApi;
    }

    /** The operation at a path (as written in the spec, no templates) and HTTP method, if any. */
    public Optional<Operation> operation(String path, String method) {
        PathItem item = openApi.getPaths().get(path);
        if (item == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method)));
    }

    /** The JSON request body schema of an operation, if it has one. */
    public Optional<Schema<?>> jsonRequestSchema(String path, String method) {
        return operation(path, method)
                .map(Operation::getRequestBody)
                .map(body -> body.getContent() == null ? null : body.getContent().get("application/json"))
                .map(MediaType::getSchema)
                .map(schema -> (Schema<?>) schema);
    }

    /**
     * For each discriminator property of the spec's schemas, the values its mapping names, in spec order
     * ({@code type} → {@code [upgrade, verify]}).
     */
    public Map<String, Set<String>> discriminatorValues() {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            Discriminator discriminator = schema.getDiscriminator();
            if (discriminator != null && discriminator.getMapping() != null) {
                values.computeIfAbsent(discriminator.getPropertyName(), name -> new LinkedHashSet<>())
                        .addAll(discriminator.getMapping().keySet());
            }
        }
        return values;
    }

    /**
     * The rules this document catalogues under {@code x-enos-rules} (each {@code {id, rule, source}} and, for a rule
     * of a later release than 2.2, {@code x-enos-since}), in document order; empty when it has none.
     */
    public List<DocumentedRule> rules() {
        Object listed = openApi.getExtensions() == null ? null : openApi.getExtensions().get("x-enos-rules");
        List<DocumentedRule> rules = new ArrayList<>();
        if (listed instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<?, ?> fields = (Map<?, ?>) entry;
                String id = String.valueOf(fields.get("id"));
                rules.add(new DocumentedRule(id, String.valueOf(fields.get("rule")),
                        String.valueOf(fields.get("source")), EnosRelease.version(fields.get(EnosRelease.SINCE),
                        "rule " + id)));
            }
        }
        return rules;
    }

    /** The rules of every document of the kit ({@link #DOCUMENTS}), in order. */
    public static List<DocumentedRule> allRules() {
        List<DocumentedRule> rules = new ArrayList<>();
        DOCUMENTS.forEach(document -> rules.addAll(load(document).rules()));
        return rules;
    }

    /**
     * Whether a whole number lies within the {@code minimum} and {@code maximum} of a named schema of
     * {@code components/schemas} ({@code UpgradeTimeout}: 300 to 172800); a bound the schema lacks does not limit.
     *
     * @throws IllegalArgumentException when the document has no schema of that name
     */
    public boolean withinBounds(String schemaName, long value) {
        Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("the OpenAPI document has no schema " + schemaName);
        }
        BigDecimal number = BigDecimal.valueOf(value);
        return (schema.getMinimum() == null || number.compareTo(schema.getMinimum()) >= 0)
                && (schema.getMaximum() == null || number.compareTo(schema.getMaximum()) <= 0);
    }

    /** A named schema of {@code components/schemas}, or the schema itself when it is not a reference. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            current = openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
