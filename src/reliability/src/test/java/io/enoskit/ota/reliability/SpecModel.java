package io.enoskit.ota.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request side of every spec document ({@link OpenApiContract#DOCUMENTS}: {@code ota-jobs.yaml},
 * {@code ota-job-actions.yaml}, the searches, the task actions, the firmware files) as the generators need it: each
 * {@link Operation}'s parameters, request body schema and request examples (valid bodies to start from) and, per body
 * shape, every place a value can sit with the schema that rules it.
 */
final class SpecModel {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LITERAL = Pattern.compile("\\^([A-Za-z0-9]+)\\$");
    private static SpecModel instance;

    private final Map<String, JsonNode> documents;

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

    private SpecModel(Map<String, JsonNode> documents) {
        this.documents = documents;
    }

    /**
     * Every document of {@link OpenApiContract#DOCUMENTS}, read from the class path (the build copies {@code spec/}
     * there), each {@code $ref} made absolute ({@code ota-jobs.yaml#/components/...}) so that a schema of one
     * document resolves its references in the right document wherever it is used.
     */
    static synchronized SpecModel load() {
        if (instance == null) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            for (String resource : OpenApiContract.DOCUMENTS) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                try (InputStream in = SpecModel.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the spec document " + resource + " is not on the class path");
                    }
                    JsonNode root = yaml.readTree(in);
                    absoluteRefs(root, name);
                    documents.put(name, root);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the spec document " + resource, e);
                }
            }
            instance = new SpecModel(documents);
        }
        return instance;
    }

    private static void absoluteRefs(JsonNode node, String document) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                o.put("$ref", document + ref.asText());
            }
            // a discriminator's mapping names schemas the way $ref does (#/components/schemas/UpgradeJobRequest)
            if (o.get("discriminator") instanceof ObjectNode discriminator
                    && discriminator.get("mapping") instanceof ObjectNode mapping) {
                mapping.fields().forEachRemaining(m -> {
                    if (m.getValue().isTextual() && m.getValue().asText().startsWith("#")) {
                        m.setValue(NODES.textNode(document + m.getValue().asText()));
                    }
                });
            }
            o.forEach(child -> absoluteRefs(child, document));
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> absoluteRefs(child, document));
        }
    }

    /** The documents read, by file name, in the order of {@link OpenApiContract#DOCUMENTS}. */
    Set<String> documents() {
        return documents.keySet();
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        int hops = 0;
        while (s != null && s.has("$ref")) {
            String ref = s.get("$ref").asText();
            int hash = ref.indexOf('#');
            JsonNode document = hash < 0 ? null : documents.get(ref.substring(0, hash));
            if (document == null || hops++ > 20) {
                throw new IllegalStateException("cannot resolve " + ref);
            }
            s = document.at(ref.substring(hash + 1));
        }
        return s;
    }

    /** The document of an operation, by its class-path resource. */
    private JsonNode document(Operation op) {
        String resource = op.document();
        return documents.get(resource.substring(resource.lastIndexOf('/') + 1));
    }

    /** An operation's object in its document (path and method). */
    JsonNode operation(Operation op) {
        JsonNode node = document(op).path("paths").path(op.path())
                .path(op.method().toLowerCase(Locale.ROOT));
        if (node.isMissingNode()) {
            throw new IllegalStateException(op + " is not in " + op.document() + " at " + op.method() + " "
                    + op.path());
        }
        return node;
    }

    /** An operation's parameters, resolved, in the document's order. */
    List<JsonNode> parameters(Operation op) {
        List<JsonNode> out = new ArrayList<>();
        operation(op).path("parameters").forEach(p -> out.add(resolve(p)));
        return out;
    }

    /** An operation's request body schema, resolved, or null when it takes no body. */
    JsonNode requestBodySchema(Operation op) {
        JsonNode schema = operation(op).path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    /** Whether the document says the body is required. */
    boolean bodyRequired(Operation op) {
        return operation(op).path("requestBody").path("required").asBoolean(false);
    }

    /** An operation's request examples by name (valid bodies), empty when it has none. */
    Map<String, ObjectNode> requestExamples(Operation op) {
        JsonNode examples = operation(op).path("requestBody").path("content").path("application/json")
                .path("examples");
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        examples.fields().forEachRemaining(e -> {
            if (e.getValue().path("value") instanceof ObjectNode value) {
                out.put(e.getKey(), value);
            }
        });
        return out;
    }

    /** The create request's examples by name (valid bodies: the vendor's sample and the spec's own). */
    Map<String, ObjectNode> createExamples() {
        return requestExamples(Operation.CREATE_JOB);
    }

    /** The body schema of a job type, through the discriminator's mapping. */
    JsonNode bodySchema(String type) {
        JsonNode request = resolve(NODES.objectNode().put("$ref",
                "ota-jobs.yaml#/components/schemas/CreateOtaJobRequest"));
        return resolve(NODES.objectNode().put("$ref", request.at("/discriminator/mapping/" + type).asText()));
    }

    /** The enum values of the create operation's {@code action} parameter, and so on: a parameter's schema. */
    JsonNode parameterSchema(String name) {
        return resolve(resolve(NODES.objectNode().put("$ref", "ota-jobs.yaml#/components/parameters/" + name))
                .path("schema"));
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
            case "array": {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < s.path("minItems").asInt(0); i++) {
                    a.add(minimal(s.path("items")));
                }
                return a;
            }
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
