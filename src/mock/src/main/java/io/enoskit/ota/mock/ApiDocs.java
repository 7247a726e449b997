package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The spec documents as the API docs page ({@code /__admin/ota/docs}, Swagger UI) reads them: each operation's
 * description ends with the rules that guard it ({@code x-enos-guarded-by}: rule id and the sentence of the
 * features' {@code Rule:}) and its curl line ({@code x-codeSamples}), and the mock's default address
 * ({@value #SPEC_MOCK_URL}, the spec's first server) becomes the address the page was loaded from, so the curl lines
 * and "Try it out" reach this mock. Built once; the documents are only read afterwards.
 */
final class ApiDocs {
    /** The spec's first server: the mock on its default port; the curl lines of {@code x-codeSamples} use it. */
    static final String SPEC_MOCK_URL = "http://localhost:8080";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** A Host header fit for a URL: a name or an address, a port; anything else keeps the spec's address. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
    private final Map<String, ObjectNode> documents = new LinkedHashMap<>();

    ApiDocs() {
        Map<String, DocumentedRule> rules = OpenApiContract.allRules().stream()
                .collect(Collectors.toMap(DocumentedRule::id, Function.identity()));
        ObjectMapper yaml = new YAMLMapper();
        for (String resource : OpenApiContract.DOCUMENTS) {
            String name = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
            try {
                ObjectNode document = (ObjectNode) yaml.readTree(OpenApiContract.load(resource).text());
                operations(document).forEach(operation -> describe(operation, rules));
                documents.put(name, document);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** The documents' names ({@code ota-jobs}...), in the kit's order. */
    List<String> names() {
        return List.copyOf(documents.keySet());
    }

    /**
     * The document as JSON for a page loaded through {@code host}, or empty when there is no document of that name.
     *
     * @param host the request's Host header (may be null or anything a client sent)
     */
    Optional<String> document(String name, String host) {
        ObjectNode document = documents.get(name);
        if (document == null) {
            return Optional.empty();
        }
        ObjectNode copy = document.deepCopy();
        if (host != null && HOST.matcher(host).matches()) {
            readdress(copy, "http://" + host);
            if (copy.path("servers").get(0) instanceof ObjectNode mockServer) {
                mockServer.put("description", "this mock (the address this page came from)");
            }
        }
        return Optional.of(Json.write(copy));
    }

    private static List<ObjectNode> operations(ObjectNode document) {
        return document.path("paths").valueStream().flatMap(item -> item.properties().stream())
                .filter(entry -> METHODS.contains(entry.getKey())).map(entry -> (ObjectNode) entry.getValue())
                .toList();
    }

    /** Appends the guarding rules and the curl lines to the operation's description (Markdown, as Swagger UI reads it). */
    private static void describe(ObjectNode operation, Map<String, DocumentedRule> rules) {
        StringBuilder text = new StringBuilder(operation.path("description").asText("").strip());
        JsonNode guardedBy = operation.path("x-enos-guarded-by");
        if (!guardedBy.isEmpty()) {
            text.append("\n\n**Guarded by** (the conformance features' rules; `conform` checks each against any"
                    + " server):\n");
            for (JsonNode id : guardedBy) {
                DocumentedRule rule = rules.get(id.asText());
                text.append("\n- **`").append(id.asText()).append("`** ")
                        .append(rule == null ? "(not catalogued)" : rule.rule());
            }
        }
        for (JsonNode sample : operation.path("x-codeSamples")) {
            text.append("\n\n**").append(sample.path("label").asText(sample.path("lang").asText()))
                    .append("** against this mock:\n\n```shell\n").append(sample.path("source").asText().strip())
                    .append("\n```");
        }
        operation.put("description", text.toString());
    }

    /** Every string that starts with the spec's mock address gets {@code base} instead. */
    private static void readdress(JsonNode node, String base) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getValue().isTextual()) {
                    entry.setValue(new TextNode(entry.getValue().asText().replace(SPEC_MOCK_URL, base)));
                } else {
                    readdress(entry.getValue(), base);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(array.get(i).asText().replace(SPEC_MOCK_URL, base)));
                } else {
                    readdress(array.get(i), base);
                }
            }
        }
    }
}
