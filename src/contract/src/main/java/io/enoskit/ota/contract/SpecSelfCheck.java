package io.enoskit.ota.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the OpenAPI parser lets through silently and the validator then cannot use: a bound written as a string
 * ({@code minimum: '300'} is dropped, so the bound is gone) or a {@code pattern} that is no regular expression
 * (every request would then fail with "Invalid JSON Schema", as if the client were wrong). Run on the document's
 * text when it is loaded, so a spec that would weaken the mock stops it from starting instead. The build lints the
 * spec in full (Redocly CLI); this is the part a running mock cannot do without.
 */
final class SpecSelfCheck {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "multipleOf");
    private static final Set<String> COUNTS = Set.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties");
    private static final Set<String> SKIPPED = Set.of("example", "examples", "default", "enum");

    private SpecSelfCheck() {
    }

    /** Every problem of the document's schemas, each with its place; empty when there is none. */
    static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        try {
            walk(YAML.readTree(text), "", problems);
        } catch (JsonProcessingException unreadable) {
            problems.add("the document is not YAML: " + unreadable.getOriginalMessage());
        }
        return problems;
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String at = path + "/" + key;
            if (SKIPPED.contains(key) || key.startsWith("x-")) {
                continue;
            }
            if (NUMBERS.contains(key) && !value.isNumber()) {
                problems.add(at + " must be a number, is " + value);
            } else if (COUNTS.contains(key) && !(value.isIntegralNumber() && value.asLong() >= 0)) {
                problems.add(at + " must be a whole number of 0 or more, is " + value);
            } else if (key.equals("pattern") && value.isTextual()) {
                try {
                    Pattern.compile(value.asText());
                } catch (PatternSyntaxException wrong) {
                    problems.add(at + " is not a regular expression: " + wrong.getDescription());
                }
            } else if (key.equals("pattern")) {
                problems.add(at + " must be a string, is " + value);
            }
            walk(value, at, problems);
        }
    }
}
