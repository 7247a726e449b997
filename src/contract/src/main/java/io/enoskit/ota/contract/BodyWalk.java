package io.enoskit.ota.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One walk of a JSON body along its schema, before the spec check, with two duties.
 *
 * <p><b>Numeric strings become numbers</b> where the spec types a field as integer. Why: the vendor's own sample
 * code sends {@code "upgradeTimeout":"600"}, {@code "maximumConcurrency":"10"} and {@code "retryInterval":"10"}, so
 * the gateway evidently accepts them (sample). Converting first means the spec's ranges still apply:
 * {@code "172801"} is rejected like {@code 172801}. Only strings of digits (at most 4000), with an optional minus
 * sign, are converted; anything else is left for the spec check to reject.
 *
 * <p><b>Nulls the schema does not allow are listed</b>, worded as the spec check words a wrong type ("must be an
 * integer, not null"). json-schema-validator 2.0 lets a null through wherever the schema two levels up is
 * {@code nullable} (its {@code JsonNodeTypes.equalsToSchemaType}), so {@code "pagination":{"pageNo":null}} would
 * pass because {@code pagination} may be null; this walk closes that gap.
 *
 * <p>The walk follows properties, array items, map values and {@code oneOf} branches chosen by the discriminator.
 */
final class BodyWalk {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,4000}");
    private final OpenApiContract contract;

    BodyWalk(OpenApiContract contract) {
        this.contract = contract;
    }

    /**
     * @param node  the body (objects and arrays change in place)
     * @param schema its schema in the spec
     * @param nulls where a violation is added for each null the schema does not allow, named by its path
     * @return the node with numeric strings converted where the schema wants integers
     */
    JsonNode walk(JsonNode node, Schema<?> schema, List<Violation> nulls) {
        return walk(node, schema, "", nulls);
    }

    private JsonNode walk(JsonNode node, Schema<?> schema, String path, List<Violation> nulls) {
        Schema<?> resolved = contract.resolve(schema);
        if (resolved == null || node == null) {
            return node;
        }
        if (resolved.getOneOf() != null) {
            Schema<?> branch = branch(node, resolved);
            return branch == null ? node : walk(node, branch, path, nulls);
        }
        if (node.isNull()) {
            if (resolved.getType() != null && !Boolean.TRUE.equals(resolved.getNullable())) {
                ObjectNode type = JsonNodeFactory.instance.objectNode().put("type", resolved.getType());
                nulls.add(new Violation(path.isEmpty() ? "body" : path, SchemaRules.rule("type", type, node)));
            }
            return node;
        }
        if ("integer".equals(resolved.getType()) && node.isTextual() && INTEGER.matcher(node.asText()).matches()) {
            return BigIntegerNode.valueOf(new BigInteger(node.asText()));
        }
        if (node.isObject()) {
            walkFields((ObjectNode) node, resolved, path, nulls);
        } else if (node.isArray() && resolved.getItems() != null) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, walk(node.get(i), resolved.getItems(), path + "[" + i + "]", nulls));
            }
        }
        return node;
    }

    private void walkFields(ObjectNode object, Schema<?> schema, String path, List<Violation> nulls) {
        Map<String, Schema> properties = schema.getProperties();
        Object additional = schema.getAdditionalProperties();
        for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
            Schema<?> fieldSchema = properties == null ? null : properties.get(field.getKey());
            if (fieldSchema == null && additional instanceof Schema<?> valueSchema) {
                fieldSchema = valueSchema;
            }
            if (fieldSchema != null) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                object.set(field.getKey(), walk(field.getValue(), fieldSchema, fieldPath, nulls));
            }
        }
    }

    private static Schema<?> branch(JsonNode node, Schema<?> oneOf) {
        return OneOfBranches.of(oneOf).flatMap(discriminator -> OneOfBranches.chosen(discriminator, node))
                .map(ref -> new Schema<>().$ref(ref)).orElse(null);
    }
}
