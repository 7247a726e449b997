package io.enoskit.ota.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request side of {@code spec/ota-jobs.yaml} as the generators need it: the request examples (valid bodies to
 * start from) and, per body shape, every place a value can sit with the schema that rules it.
 */
final class SpecModel {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LITERAL = Pattern.compile("\\^([A-Za-z0-9]+)\\$");
    private static SpecModel instance;

    private final JsonNode root;

    /**
     * A place in a body.
     *
     * @param path     field names, {@code 0} for an array's first item, {@link #NEW_KEY} for a new key of a map
     * @param chain    the resolved schema of each level from the body down to this place (one more than path)
     * @param required the field is in its object's {@code required}
     */
    record Site(List<String> path, List<JsonNode> chain, boolean required) {
        JsonNode schema() {
            return chain.get(chain.size() - 1);
        }

        String name() {
            return String.join(".", path).replace(NEW_KEY, "<new key>");
        }
    }

    static final String NEW_KEY = "fuzzKey";

    private SpecModel(JsonNode root) {
        this.root = root;
    }

    static synchronized SpecModel load() {
        if (instance == null) {
            Path file = Path.of(System.getProperty("kit.root", ".."), "spec", "ota-jobs.yaml");
            try {
                instance = new SpecModel(new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spec at " + file.toAbsolutePath(), e);
            }
        }
        return instance;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s != null && s.has("$ref")) {
            String ref = s.get("$ref").asText();
            s = root.at(ref.substring(1));
        }
        return s;
    }

    /** The create request's examples by name (valid bodies: the vendor's sample and the spec's own). */
    Map<String, ObjectNode> createExamples() {
        JsonNode examples = root.at("/paths/~1connect-service~1v2.1~1ota-jobs/post/requestBody/content/"
                + "application~1json/examples");
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        examples.fields().forEachRemaining(e -> out.put(e.getKey(), (ObjectNode) e.getValue().get("value")));
        return out;
    }

    /** The body schema of a job type, through the discriminator's mapping. */
    JsonNode bodySchema(String type) {
        JsonNode request = resolve(root.at("/components/schemas/CreateOtaJobRequest"));
        return resolve(NODES.objectNode().put("$ref", request.at("/discriminator/mapping/" + type).asText()));
    }

    /** The enum values of the create operation's {@code action} parameter, and so on: a parameter's schema. */
    JsonNode parameterSchema(String name) {
        return resolve(root.at("/components/parameters/" + name + "/schema"));
    }

    /** Every place of a body of this shape, depth first. */
    List<Site> sites(JsonNode bodySchema) {
        List<Site> sites = new ArrayList<>();
        walk(resolve(bodySchema), new ArrayList<>(), new ArrayList<>(List.of(resolve(bodySchema))), sites);
        return sites;
    }

    private void walk(JsonNode schema, List<String> path, List<JsonNode> chain, List<Site> sites) {
        if (path.size() > 6) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode sub = resolve(p.getValue());
                List<String> subPath = append(path, p.getKey());
                List<JsonNode> subChain = append(chain, sub);
                sites.add(new Site(subPath, subChain, required.contains(p.getKey())));
                walk(sub, subPath, subChain, sites);
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            JsonNode sub = resolve(additional);
            List<String> subPath = append(path, NEW_KEY);
            List<JsonNode> subChain = append(chain, sub);
            sites.add(new Site(subPath, subChain, false));
            walk(sub, subPath, subChain, sites);
        }
        JsonNode items = schema.get("items");
        if ("array".equals(schema.path("type").asText()) && items != null && items.size() > 0) {
            JsonNode sub = resolve(items);
            List<String> subPath = append(path, "0");
            List<JsonNode> subChain = append(chain, sub);
            sites.add(new Site(subPath, subChain, false));
            walk(sub, subPath, subChain, sites);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    /** The smallest value the schema accepts (required fields filled in, enums and literal patterns honoured). */
    JsonNode minimal(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0).deepCopy();
        }
        String pattern = s.path("pattern").asText("");
        Matcher literal = LITERAL.matcher(pattern);
        if (literal.matches()) {
            return NODES.textNode(literal.group(1));
        }
        switch (s.path("type").asText("")) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                JsonNode props = s.path("properties");
                s.path("required").forEach(r -> o.set(r.asText(), minimal(props.get(r.asText()))));
                return o;
            }
            case "array":
                return NODES.arrayNode();
            case "string":
                return NODES.textNode("s");
            case "integer":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1L);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode("x");
        }
    }

    /**
     * Makes sure the containers above {@code site} exist in {@code body} (filling in what a new container
     * requires), and returns the direct parent, or null when something on the way is not a container.
     */
    JsonNode ensureParent(ObjectNode body, Site site) {
        JsonNode node = body;
        for (int i = 0; i < site.path().size() - 1; i++) {
            String key = site.path().get(i);
            JsonNode childSchema = site.chain().get(i + 1);
            JsonNode child;
            if (node instanceof ObjectNode o) {
                child = o.get(key);
                if (child == null) {
                    child = "array".equals(childSchema.path("type").asText()) ? NODES.arrayNode()
                            : minimal(childSchema);
                    o.set(key, child);
                }
            } else if (node instanceof ArrayNode a) {
                if (a.isEmpty()) {
                    a.add(minimal(childSchema));
                }
                child = a.get(0);
            } else {
                return null;
            }
            node = child;
        }
        return node.isContainerNode() ? node : null;
    }

    /** The node at the site, or null. */
    static JsonNode at(ObjectNode body, Site site) {
        JsonNode node = body;
        for (String key : site.path()) {
            if (node == null) {
                return null;
            }
            node = node.isArray() ? node.get(0) : node.get(key);
        }
        return node;
    }
}
