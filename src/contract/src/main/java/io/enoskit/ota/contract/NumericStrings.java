package io.enoskit.ota.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns numeric strings into numbers where the spec types a field as integer, before the spec check.
 *
 * <p>Why: the vendor's own sample code sends {@code "upgradeTimeout":"600"}, {@code "maximumConcurrency":"10"}
 * and {@code "retryInterval":"10"}, so the gateway evidently accepts them (sample). Converting first means the
 * spec's ranges still apply: {@code "172801"} is rejected like {@code 172801}. Only strings of digits (at most
 * 4000), with an optional minus sign, are converted; anything else is left for the spec check to reject. The walk
 * follows properties, array items, map values and {@code oneOf} branches chosen by the discriminator.
 */
final class NumericStrings {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,4000}");
    private final OpenApiContract contract;

    NumericStrings(OpenApiContract contract) {
        this.contract = contract;
    }

    /** The node with numeric strings converted where the schema wants integers (objects change in place). */
    JsonNode convert(JsonNode node, Schema<?> schema) {
        Schema<?> resolved = contract.resolve(schema);
        if (resolved == null || node == null) {
            return node;
        }
        if (resolved.getOneOf() != null) {
            Schema<?> branch = branch(node, resolved);
            return branch == null ? node : convert(node, branch);
        }
        if ("integer".equals(resolved.getType()) && node.isTextual() && INTEGER.matcher(node.asText()).matches()) {
            return BigIntegerNode.valueOf(new BigInteger(node.asText()));
        }
        if (node.isObject()) {
            convertFields((ObjectNode) node, resolved);
        } else if (node.isArray() && resolved.getItems() != null) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, convert(node.get(i), resolved.getItems()));
            }
        }
        return node;
    }

    private void convertFields(ObjectNode object, Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        Object additional = schema.getAdditionalProperties();
        for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
            Schema<?> fieldSchema = properties == null ? null : properties.get(field.getKey());
            if (fieldSchema == null && additional instanceof Schema<?> valueSchema) {
                fieldSchema = valueSchema;
            }
            if (fieldSchema != null) {
                object.set(field.getKey(), convert(field.getValue(), fieldSchema));
            }
        }
    }

    private static Schema<?> branch(JsonNode node, Schema<?> oneOf) {
        if (oneOf.getDiscriminator() == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(oneOf.getDiscriminator().getPropertyName());
        if (value == null || !value.isTextual() || oneOf.getDiscriminator().getMapping() == null) {
            return null;
        }
        String ref = oneOf.getDiscriminator().getMapping().get(value.asText());
        return ref == null ? null : new Schema<>().$ref(ref);
    }
}
