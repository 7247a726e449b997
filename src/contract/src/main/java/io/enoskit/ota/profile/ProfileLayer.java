package io.enoskit.ota.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One profile file as written: a name, an optional description and the settings it sets, each with its value and
 * source. A {@link BehaviourProfile} stacks layers; a setting a layer does not name keeps the value of the layers
 * below it. The file's shape is given at {@link #parse}.
 *
 * @param name        the profile's name ({@code profile:}), else the file name
 * @param description what it is for, or null
 * @param settings    what it sets, in catalogue order
 */
public record ProfileLayer(String name, String description, Map<Setting, SettingValue> settings) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    /** Binds a profile's maps to their shapes, refusing an entry the shape does not have. */
    private static final ObjectReader ENTRIES = YAML.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The entries a profile file may have (bound only to refuse others; the values are read from the tree). */
    private record ProfileEntries(JsonNode profile, JsonNode description, JsonNode settings) {
    }

    /** The entries a setting of a profile file may have: its value and where the value comes from. */
    private record SettingEntries(JsonNode value, JsonNode source, JsonNode section, JsonNode reason,
                                  JsonNode target, JsonNode time, JsonNode exchange) {
    }

    public ProfileLayer {
        Map<Setting, SettingValue> ordered = new EnumMap<>(Setting.class);
        ordered.putAll(settings);
        settings = Collections.unmodifiableMap(ordered);
    }

    /**
     * Reads and checks a profile file.
     *
     * @throws ProfileException naming the file, the setting and what it takes, when the file is missing, not YAML,
     *                          or sets something the catalogue does not allow
     */
    public static ProfileLayer read(Path file) {
        String origin = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), origin);
        } catch (NoSuchFileException missing) {
            throw new ProfileException(origin + ": no such file");
        } catch (IOException unreadable) {
            throw new ProfileException(origin + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    /** Reads a profile kept on the class path. */
    static ProfileLayer readResource(String resource, String origin) {
        try (InputStream in = ProfileLayer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileException(origin + ": not on the class path (" + resource + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), origin);
        } catch (IOException unreadable) {
            throw new ProfileException(origin + ": cannot be read", unreadable);
        }
    }

    /**
     * Parses and checks a profile's text.
     *
     * <p>File shape (YAML; {@code stubs/profiles/default.yaml} is the commented example):
     * <pre>
     * profile: my-gateway                    # optional, shown by /__admin/ota/profile
     * description: what this profile is for  # optional
     * settings:
     *   errors.httpStatus:
     *     value: 400
     *     source: observed                   # documented (+ section) | inferred (+ reason)
     *     target: https://gateway.example    # observed: target, time (ISO-8601), exchange
     *     time: 2026-12-05T08:00:00Z
     *     exchange: "GET ...?action=get&amp;jobId=... -> HTTP 400 {\"code\":24404,...}"
     * </pre>
     *
     * @param origin the file or built-in name, used in every error message and as each value's origin
     * @throws ProfileException as {@link #read(Path)}
     */
    public static ProfileLayer parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException notYaml) {
            throw new ProfileException(origin + ": not YAML (" + notYaml.getOriginalMessage() + ", line "
                    + notYaml.getLocation().getLineNr() + ")", notYaml);
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException(origin + ": a profile is a YAML map with 'settings' (and optionally 'profile',"
                    + " 'description')");
        }
        refuseUnknownEntries(root, ProfileEntries.class, origin, "a profile");
        JsonNode settingsNode = root.path("settings");
        if (!settingsNode.isMissingNode() && !settingsNode.isObject() && !settingsNode.isNull()) {
            throw new ProfileException(origin + ": settings must be a map of setting name to {value, source}");
        }
        Map<Setting, SettingValue> settings = new EnumMap<>(Setting.class);
        if (settingsNode.isObject()) {
            settingsNode.fields().forEachRemaining(entry -> {
                Setting setting = Setting.named(entry.getKey()).orElseThrow(() -> new ProfileException(origin
                        + ": unknown setting '" + entry.getKey() + "' (the settings are " + Setting.keys() + ")"));
                settings.put(setting, value(setting, entry.getValue(), origin));
            });
        }
        String name = root.path("profile").isTextual() ? root.path("profile").asText() : origin;
        String description = root.path("description").isTextual() ? root.path("description").asText() : null;
        return new ProfileLayer(name, description, settings);
    }

    private static SettingValue value(Setting setting, JsonNode node, String origin) {
        String where = origin + ": " + setting.key();
        if (!node.isObject() || !node.has("value")) {
            throw new ProfileException(where + " must be a map with 'value' and 'source' (documented, inferred or"
                    + " observed)");
        }
        refuseUnknownEntries(node, SettingEntries.class, where, "a setting");
        JsonNode value = node.get("value");
        if (!setting.accepts(value)) {
            throw new ProfileException(where + " must be " + setting.allowed() + ", was " + value);
        }
        if (setting.kind() == Setting.Kind.CHOICE && value.isNumber()) {
            value = YAML.getNodeFactory().textNode(value.asText());
        }
        return new SettingValue(setting, value, source(node, where), origin);
    }

    /**
     * @throws ProfileException naming the first entry {@code shape} lacks and the entries it has (as Jackson knows
     *                          them from the record)
     */
    private static void refuseUnknownEntries(JsonNode node, Class<?> shape, String where, String what) {
        try {
            ENTRIES.treeToValue(node, shape);
        } catch (UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            throw new ProfileException(where + ": unknown entry '" + unknown.getPropertyName() + "' (" + what
                    + " has " + known + ")");
        } catch (JsonProcessingException unreachable) {
            // every entry of the shapes takes any YAML node
            throw new IllegalStateException(unreachable);
        }
    }

    private static SettingSource source(JsonNode node, String where) {
        String kind = node.path("source").asText("");
        return switch (kind) {
            case "documented" -> SettingSource.documented(required(node, "section", where, kind));
            case "inferred" -> SettingSource.inferred(required(node, "reason", where, kind));
            case "observed" -> {
                String target = required(node, "target", where, kind);
                String time = required(node, "time", where, kind);
                Instant at;
                try {
                    at = Instant.parse(time);
                } catch (DateTimeParseException notTime) {
                    throw new ProfileException(where + ": time must be an ISO-8601 instant such as"
                            + " 2026-12-05T08:00:00Z, was " + time);
                }
                yield SettingSource.observed(target, at, required(node, "exchange", where, kind));
            }
            default -> throw new ProfileException(where + ": source must be one of documented, inferred, observed, was "
                    + (node.has("source") ? "'" + kind + "'" : "missing"));
        };
    }

    private static String required(JsonNode node, String field, String where, String kind) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new ProfileException(where + ": a value whose source is " + kind + " needs '" + field + "'");
        }
        return value.asText();
    }

    /** This layer as a profile file's text (what {@link #parse} reads back to an equal layer). */
    public String toYaml() {
        ObjectNode root = YAML.createObjectNode();
        root.put("profile", name);
        if (description != null) {
            root.put("description", description);
        }
        ObjectNode out = root.putObject("settings");
        settings.values().forEach(value -> {
            ObjectNode entry = out.putObject(value.setting().key());
            entry.set("value", value.value());
            SettingSource source = value.source();
            entry.put("source", source.kind().label());
            switch (source.kind()) {
                case DOCUMENTED -> entry.put("section", source.section());
                case INFERRED -> entry.put("reason", source.reason());
                case OBSERVED -> entry.put("target", source.target()).put("time", source.time().toString())
                        .put("exchange", source.exchange());
            }
        });
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a profile's tree is always writable", impossible);
        }
    }

    /** A layer with these values, in catalogue order, named {@code name}. */
    public static ProfileLayer of(String name, String description, List<SettingValue> values) {
        Map<Setting, SettingValue> settings = new LinkedHashMap<>();
        values.forEach(value -> settings.put(value.setting(), value));
        return new ProfileLayer(name, description, settings);
    }
}
