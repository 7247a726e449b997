package io.enoskit.ota.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.enoskit.ota.profile.EnosVersion;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one EnOS release has of the kit's spec (reference notes §7). The spec marks what came with a release later
 * than 2.2 with {@code x-enos-since} ({@code "2.3"}, {@code "2.4"}) in three places: on a property of a named schema
 * ({@code components/schemas/JobInfo/properties/firmwareVersion}), on a search field of a search operation's
 * {@code x-enos-search-fields}, and on a rule of {@code x-enos-rules}. Without it a thing exists in every release the
 * kit covers. The mock, conform and the profiles all ask here, so the spec is the one place a release is written.
 *
 * <p>The properties' marks are read from the YAML itself: OpenAPI 3.0 tools drop whatever stands beside a
 * {@code $ref} ({@code firmwareName}), so the parsed model cannot be asked. Immutable and thread-safe; the marks are
 * read once per JVM.
 */
public final class EnosRelease {
    /** The extension that names the release a property, search field or rule came with. */
    public static final String SINCE = "x-enos-since";
    /** The extension of a search operation listing the fields its {@code expression} may name. */
    public static final String SEARCH_FIELDS = "x-enos-search-fields";
    /** The extension of a search operation mapping each locale suffix of a name field to its StringI18n key. */
    public static final String SEARCH_LOCALES = "x-enos-search-locales";
    /** On an i18n search field: the release its locale suffixes ({@code name.en_US}) came with. */
    public static final String LOCALES_SINCE = "x-enos-locales-since";

    private static final Map<EnosVersion, EnosRelease> RELEASES = new EnumMap<>(EnosVersion.class);

    static {
        for (EnosVersion version : EnosVersion.values()) {
            RELEASES.put(version, new EnosRelease(version));
        }
    }

    private final EnosVersion version;

    private EnosRelease(EnosVersion version) {
        this.version = version;
    }

    /** The release {@code version}. */
    public static EnosRelease of(EnosVersion version) {
        return RELEASES.get(version);
    }

    /** The newest release the reference covers ({@link EnosVersion#newest()}), which has every field of the spec. */
    public static EnosRelease newest() {
        return of(EnosVersion.newest());
    }

    public EnosVersion version() {
        return version;
    }

    /**
     * One field a search's {@code expression} may name, as {@code x-enos-search-fields} lists it.
     *
     * @param name         as written in an expression, e.g. {@code firmwareVersion}
     * @param kind         {@code text}, {@code boolean} or {@code i18n}
     * @param operators    the operators it allows, as written ({@code =}, {@code !=}, {@code in}, {@code like})
     * @param since        the release it came with
     * @param localesSince for an i18n field, the release its locale suffixes came with (never before {@code since})
     */
    public record SearchField(String name, String kind, List<String> operators, EnosVersion since,
                              EnosVersion localesSince) {
        public SearchField {
            operators = List.copyOf(operators);
        }
    }

    /** Whether this release has the property of a named schema ({@code JobInfo}, {@code firmwareVersion}). */
    public boolean has(String schema, String property) {
        return since(schema, property).map(version::has).orElse(true);
    }

    /** Whether this release has the thing that came with {@code since}. */
    public boolean has(EnosVersion since) {
        return version.has(since);
    }

    /** Whether the rule holds in this release (it has no {@code x-enos-since}, or one this release has). */
    public boolean has(DocumentedRule rule) {
        return version.has(rule.since());
    }

    /** The release a schema's property came with; empty when it exists in every release. */
    public static Optional<EnosVersion> since(String schema, String property) {
        return Optional.ofNullable(Marks.PROPERTIES.getOrDefault(schema, Map.of()).get(property));
    }

    /**
     * The properties of a named schema this release does not have, each with the release it came with, in spec order;
     * empty when it has them all.
     */
    public Map<String, EnosVersion> lacks(String schema) {
        Map<String, EnosVersion> lacked = new LinkedHashMap<>();
        Marks.PROPERTIES.getOrDefault(schema, Map.of()).forEach((property, since) -> {
            if (!version.has(since)) {
                lacked.put(property, since);
            }
        });
        return lacked;
    }

    /** Whether this release lacks any property of any schema of the spec (only the newest releases lack none). */
    public boolean lacksAny() {
        return Marks.PROPERTIES.values().stream().flatMap(properties -> properties.values().stream())
                .anyMatch(since -> !version.has(since));
    }

    /**
     * Every field a search operation's {@code x-enos-search-fields} lists, of every release, in spec order; empty for
     * an operation that is no search.
     */
    public static List<SearchField> searchFields(Operation search) {
        List<SearchField> fields = new ArrayList<>();
        for (Object entry : listed(search, SEARCH_FIELDS, List.class)) {
            Map<?, ?> field = (Map<?, ?>) entry;
            EnosVersion since = version(field.get(SINCE), search + " search field " + field.get("field"));
            Object localesSince = field.get(LOCALES_SINCE);
            fields.add(new SearchField(String.valueOf(field.get("field")), String.valueOf(field.get("kind")),
                    ((List<?>) field.get("operators")).stream().map(String::valueOf).toList(), since,
                    localesSince == null ? since : version(localesSince, search + " locales of " + field.get("field"))));
        }
        return fields;
    }

    /** A search operation's {@code x-enos-search-locales}: suffix to StringI18n key; empty when it has none. */
    public static Map<String, String> searchLocales(Operation search) {
        Map<String, String> locales = new LinkedHashMap<>();
        listed(search, SEARCH_LOCALES, Map.class).forEach((suffix, key) -> locales.put(String.valueOf(suffix),
                String.valueOf(key)));
        return locales;
    }

    /**
     * The spec of one document as this release has it: the properties the release lacks are gone from its schemas
     * (and from their {@code required}), so a request naming one is an unknown field and an answer holding one has a
     * field the schema does not define.
     *
     * @param document a document of the kit ({@link OpenApiContract#DOCUMENTS})
     */
    public OpenApiContract contract(String document) {
        return OpenApiContract.load(document, version);
    }

    /**
     * An operation's {@code data} as this release answers it: the properties it lacks are left out, at any depth
     * the operation's answer schema reaches (JobInfo in Get OTA Job's {@code data} and in each record of Search OTA
     * Job's). The newest release, and an answer that is no JSON object or array, come back unchanged.
     *
     * @param operation the operation that answers
     * @param data      the result of the operation (a generated model, a list of them, or JSON)
     * @return {@code data} itself when nothing is left out, else its JSON without the lacked properties
     */
    public Object answer(Operation operation, Object data) {
        if (data == null || !lacksAny()) {
            return data;
        }
        Optional<Schema<?>> schema = dataSchema(operation);
        if (schema.isEmpty()) {
            return data;
        }
        JsonNode json = Json.mapper().valueToTree(data);
        trim(json, schema.get(), OpenApiContract.load(operation.document()), 0);
        return json;
    }

    private static final int MAX_DEPTH = 16;

    private void trim(JsonNode node, Schema<?> schema, OpenApiContract contract, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return;
        }
        String ref = schema.get$ref();
        Schema<?> resolved = contract.resolve(schema);
        if (resolved == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            if (ref != null) {
                lacks(ref.substring(ref.lastIndexOf('/') + 1)).keySet().forEach(object::remove);
            }
            if (resolved.getProperties() != null) {
                resolved.getProperties().forEach((name, property) -> {
                    JsonNode value = object.get(name);
                    if (value != null) {
                        trim(value, property, contract, depth + 1);
                    }
                });
            }
        } else if (node instanceof ArrayNode array && resolved.getItems() != null) {
            array.forEach(item -> trim(item, resolved.getItems(), contract, depth + 1));
        }
    }

    /** The schema of {@code data} in the operation's HTTP 200 answer, if the spec gives one. */
    private static Optional<Schema<?>> dataSchema(Operation operation) {
        OpenApiContract contract = OpenApiContract.load(operation.document());
        return contract.operation(operation.path(), operation.method())
                .map(op -> op.getResponses() == null ? null : op.getResponses().get("200"))
                .map(ApiResponse::getContent)
                .map(content -> content.get("application/json"))
                .map(MediaType::getSchema)
                .map(envelope -> contract.resolve(envelope))
                .map(envelope -> envelope.getProperties() == null ? null : envelope.getProperties().get("data"))
                .map(data -> (Schema<?>) data);
    }

    private static <T> T listed(Operation search, String extension, Class<T> type) {
        Object value = OpenApiContract.load(search.document()).operation(search.path(), search.method())
                .map(operation -> operation.getExtensions() == null ? null : operation.getExtensions().get(extension))
                .orElse(null);
        if (value == null) {
            return type == List.class ? type.cast(List.of()) : type.cast(Map.of());
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException(search.document() + ": " + extension + " of " + search.id() + " must be a "
                    + (type == List.class ? "list" : "map") + ", is " + value);
        }
        return type.cast(value);
    }

    /**
     * A release as the spec writes it ({@code "2.4"}); {@link EnosVersion#parse} also takes {@code 2.4.0}.
     *
     * @throws IllegalStateException naming {@code where} when it is no release the kit knows
     */
    static EnosVersion version(Object written, String where) {
        if (written == null) {
            return EnosVersion.values()[0];
        }
        return EnosVersion.parse(String.valueOf(written)).orElseThrow(() -> new IllegalStateException(where + ": "
                + SINCE + " '" + written + "' is not a release the kit knows (" + EnosVersion.labels() + ")"));
    }

    @Override
    public String toString() {
        return "EnOS " + version.label();
    }

    /** The {@code x-enos-since} of the schemas' properties of every document, read once from the YAML. */
    static final class Marks {
        /** Schema name to property name to the release it came with; only the properties that carry a mark. */
        static final Map<String, Map<String, EnosVersion>> PROPERTIES = read();

        private Marks() {
        }

        private static Map<String, Map<String, EnosVersion>> read() {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, Map<String, EnosVersion>> marks = new LinkedHashMap<>();
            for (String document : OpenApiContract.DOCUMENTS) {
                JsonNode schemas;
                try (InputStream in = EnosRelease.class.getClassLoader().getResourceAsStream(document)) {
                    if (in == null) {
                        throw new IllegalStateException(document + " is not on the class path");
                    }
                    schemas = yaml.readTree(in).path("components").path("schemas");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                schemas.properties().forEach(schema -> schema.getValue().path("properties").properties()
                        .forEach(property -> {
                            JsonNode since = property.getValue().get(SINCE);
                            if (since != null) {
                                String where = document + " " + schema.getKey() + "." + property.getKey();
                                EnosVersion release = version(since.asText(), where);
                                EnosVersion before = marks.computeIfAbsent(schema.getKey(),
                                        name -> new LinkedHashMap<>()).put(property.getKey(), release);
                                if (before != null && before != release) {
                                    throw new IllegalStateException(where + ": " + SINCE + " " + release
                                            + " differs from " + before + " given elsewhere");
                                }
                            }
                        }));
            }
            marks.replaceAll((schema, properties) -> Collections.unmodifiableMap(properties));
            return Collections.unmodifiableMap(marks);
        }
    }
}
