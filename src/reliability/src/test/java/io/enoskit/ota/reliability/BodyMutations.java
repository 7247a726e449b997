package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.SpecModel.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.SpecModel.Site;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes to a valid body, derived from the spec's schemas: a required field removed, a value of the wrong JSON
 * type, a number out of range (beyond the bounds, beyond int32/int64, huge, with an exponent, negative), an unknown
 * enum value, a broken {@code type} discriminator, an unknown field; and valid changes too (optional fields removed
 * or set to values in range, numeric strings), so that the generated bodies reach past the first check. Each change
 * knows whether it makes the body invalid.
 */
final class BodyMutations {
    private static final Pattern LITERAL = Pattern.compile("\\^([A-Za-z0-9]+)\\$");
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** One change; {@code apply} answers false when it found nothing to change (then it makes no claim). */
    interface Mutation {
        String note();

        Expect expect();

        boolean apply(ObjectNode body);

        /** Whether the change is still in the final body (a later change may have undone it). */
        boolean holds(ObjectNode body);
    }

    private record SetValue(SpecModel spec, Site site, JsonNode value, Expect expect, String note)
            implements Mutation {
        @Override
        public boolean apply(ObjectNode body) {
            JsonNode parent = spec.ensureParent(body, site);
            String key = site.path().get(site.path().size() - 1);
            if (parent instanceof ObjectNode o) {
                o.set(key, value.deepCopy());
                return true;
            }
            if (parent instanceof ArrayNode a) {
                if (a.isEmpty()) {
                    a.add(value.deepCopy());
                } else {
                    a.set(0, value.deepCopy());
                }
                return true;
            }
            return false;
        }

        @Override
        public boolean holds(ObjectNode body) {
            JsonNode now = SpecModel.at(body, site);
            return now != null && now.equals(value);
        }

        @Override
        public String toString() {
            return note;
        }
    }

    private record Remove(Site site, Expect expect, String note) implements Mutation {
        @Override
        public boolean apply(ObjectNode body) {
            JsonNode parent = body;
            for (int i = 0; i < site.path().size() - 1 && parent != null; i++) {
                parent = parent.isArray() ? parent.get(0) : parent.get(site.path().get(i));
            }
            String key = site.path().get(site.path().size() - 1);
            if (parent instanceof ObjectNode o && o.has(key)) {
                o.remove(key);
                return true;
            }
            if (parent instanceof ArrayNode a && !a.isEmpty()) {
                a.remove(0);
                return true;
            }
            return false;
        }

        @Override
        public boolean holds(ObjectNode body) {
            JsonNode parent = body;
            for (int i = 0; i < site.path().size() - 1 && parent != null; i++) {
                parent = parent.isArray() ? parent.get(0) : parent.get(site.path().get(i));
            }
            return parent instanceof ObjectNode o && !o.has(site.path().get(site.path().size() - 1));
        }

        @Override
        public String toString() {
            return note;
        }
    }

    private BodyMutations() {
    }

    /** Every change the spec suggests for a body of this shape. */
    static List<Mutation> forShape(SpecModel spec, JsonNode bodySchema) {
        List<Mutation> out = new ArrayList<>();
        // an unknown field in the body itself
        out.add(new SetValue(spec, new Site(List.of("unknownField"), List.of(bodySchema, NODES.objectNode()), false),
                NODES.numberNode(1), Expect.INVALID, "unknown field unknownField in the body"));
        for (Site site : spec.sites(bodySchema)) {
            String name = site.name();
            boolean inArrayOrMap = name.contains("<new key>") || site.path().contains("0");
            Expect removal = site.required() && !inArrayOrMap ? Expect.INVALID : Expect.ANY;
            if (!site.path().get(site.path().size() - 1).equals(SpecModel.NEW_KEY)) {
                out.add(new Remove(site, removal, (site.required() ? "required " : "optional ") + name + " removed"));
            }
            JsonNode schema = site.schema();
            for (Value v : values(spec, site, schema)) {
                out.add(new SetValue(spec, site, v.node(), v.expect(), name + " = " + v.text()));
            }
            if ("object".equals(schema.path("type").asText()) && schema.path("additionalProperties").isBoolean()
                    && !schema.path("additionalProperties").asBoolean()) {
                List<String> path = new ArrayList<>(site.path());
                path.add("unknownField");
                List<JsonNode> chain = new ArrayList<>(site.chain());
                chain.add(NODES.objectNode());
                out.add(new SetValue(spec, new Site(path, chain, false), NODES.textNode("u"), Expect.INVALID,
                        "unknown field " + name + ".unknownField"));
            }
        }
        return out;
    }

    record Value(JsonNode node, Expect expect, String text) {
    }

    private static Value valid(JsonNode node) {
        return new Value(node, Expect.ANY, text(node));
    }

    private static Value invalid(JsonNode node, String why) {
        return new Value(node, Expect.INVALID, text(node) + " (" + why + ")");
    }

    private static String text(JsonNode node) {
        String t = node.toString();
        return t.length() > 60 ? t.substring(0, 60) + "…(" + t.length() + " chars)" : t;
    }

    private static JsonNode raw(String literal) {
        return NODES.rawValueNode(new RawValue(literal));
    }

    private static List<Value> wrongTypes(String type) {
        List<Value> out = new ArrayList<>();
        if (!type.equals("string")) {
            out.add(invalid(NODES.textNode("x"), "a string, not " + type));
        }
        if (!type.equals("integer")) {
            out.add(invalid(NODES.numberNode(1), "a number, not " + type));
        }
        out.add(invalid(NODES.numberNode(new BigDecimal("1.5")), "a fraction, not " + type));
        if (!type.equals("boolean")) {
            out.add(invalid(NODES.booleanNode(true), "a boolean, not " + type));
        }
        out.add(invalid(NODES.nullNode(), "null, not " + type));
        if (!type.equals("object")) {
            out.add(invalid(NODES.objectNode(), "an object, not " + type));
        }
        if (!type.equals("array")) {
            out.add(invalid(NODES.arrayNode().add("s"), "an array, not " + type));
        }
        return out;
    }

    private static List<Value> values(SpecModel spec, Site site, JsonNode schema) {
        List<Value> out = valuesIgnoringNull(spec, site, schema);
        if (schema.path("nullable").asBoolean(false)) {
            // the schema allows null: the wrong-type null is no claim here
            out.replaceAll(v -> v.node().isNull() ? valid(v.node()) : v);
        }
        return out;
    }

    private static List<Value> valuesIgnoringNull(SpecModel spec, Site site, JsonNode schema) {
        List<Value> out = new ArrayList<>();
        String type = schema.path("type").asText("");
        if (schema.has("enum")) {
            schema.get("enum").forEach(e -> out.add(valid(e)));
            String first = schema.get("enum").get(0).asText();
            // the first value in another case (lower case when it is upper case already, e.g. ASC)
            String otherCase = first.toUpperCase(Locale.ROOT).equals(first) ? first.toLowerCase(Locale.ROOT)
                    : first.toUpperCase(Locale.ROOT);
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.asText().equals(otherCase);
            }
            if (!listed) {
                out.add(invalid(NODES.textNode(otherCase), "not in the enum"));
            }
            out.add(invalid(NODES.textNode(first + " "), "not in the enum"));
            out.add(invalid(NODES.textNode(""), "not in the enum"));
            out.add(invalid(NODES.textNode("unknownValue"), "not in the enum"));
            out.addAll(wrongTypes(type));
            return out;
        }
        Matcher literal = LITERAL.matcher(schema.path("pattern").asText(""));
        if (literal.matches()) {
            String value = literal.group(1);
            out.add(valid(NODES.textNode(value)));
            if (site.path().equals(List.of("type"))) {
                // the other shape's discriminator: the body then has to fit that shape (no claim)
                out.add(valid(NODES.textNode(value.equals("upgrade") ? "verify" : "upgrade")));
            }
            out.add(invalid(NODES.textNode(Character.toUpperCase(value.charAt(0)) + value.substring(1)),
                    "wrong type discriminator"));
            out.add(invalid(NODES.textNode(value + " "), "wrong type discriminator"));
            out.add(invalid(NODES.textNode(value + "\u0000"), "wrong type discriminator"));
            out.add(invalid(NODES.textNode(""), "wrong type discriminator"));
            out.add(invalid(NODES.textNode("total"), "wrong type discriminator"));
            out.addAll(wrongTypes("string"));
            return out;
        }
        switch (type) {
            case "string" -> {
                int minLength = schema.path("minLength").asInt(0);
                int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                for (String text : List.of("", "x", "ä中文😀 \u0000\t\"\\", "y".repeat(5000))) {
                    out.add(text.length() < minLength ? invalid(NODES.textNode(text), "shorter than minLength "
                            + minLength) : text.length() > maxLength ? invalid(NODES.textNode(text),
                            "longer than maxLength " + maxLength) : valid(NODES.textNode(text)));
                }
                if (maxLength < 100_000) {
                    // at the limit (no claim: the content may still be refused) and one past it
                    out.add(valid(NODES.textNode("z".repeat(maxLength))));
                    out.add(invalid(NODES.textNode("z".repeat(maxLength + 1)), "longer than maxLength " + maxLength));
                    out.add(invalid(NODES.textNode("\u00e4".repeat(maxLength + 1)), "longer than maxLength "
                            + maxLength + " (non-ASCII)"));
                }
                out.addAll(wrongTypes("string"));
            }
            case "integer" -> integers(schema, out);
            case "boolean" -> {
                out.add(valid(NODES.booleanNode(true)));
                out.add(valid(NODES.booleanNode(false)));
                out.add(invalid(NODES.textNode("true"), "a string, not boolean"));
                out.add(invalid(NODES.numberNode(0), "a number, not boolean"));
                out.addAll(wrongTypes("boolean"));
            }
            case "array" -> arrays(spec, schema, out);
            case "object" -> {
                out.add(valid(spec.minimal(schema)));
                out.addAll(wrongTypes("object"));
            }
            default -> {
                // no type: anything goes (attributes' values, includedNotes)
                out.add(valid(NODES.numberNode(1)));
                out.add(valid(NODES.textNode("x")));
                out.add(valid(NODES.nullNode()));
                out.add(valid(NODES.arrayNode().add(NODES.arrayNode().add(1))));
                out.add(valid(NODES.objectNode().put("k", "v")));
            }
        }
        return out;
    }

    /**
     * Arrays: empty, one, six and 300 items (strings, or the items' smallest valid value), 20,000 strings, the same
     * item twice, and wrong items; claims from {@code minItems}, {@code maxItems}, {@code uniqueItems}, the items'
     * type and {@code minLength}.
     */
    private static void arrays(SpecModel spec, JsonNode schema, List<Value> out) {
        int minItems = schema.path("minItems").asInt(0);
        int maxItems = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        JsonNode items = spec.resolve(schema.path("items"));
        String itemType = items == null ? "" : items.path("type").asText("");
        boolean strings = itemType.equals("string");
        for (int n : List.of(0, 1, 6, 300, 20_000)) {
            if (n == 20_000 && !strings) {
                continue;
            }
            ArrayNode a = NODES.arrayNode();
            for (int i = 1; i <= n; i++) {
                a.add(strings || itemType.isEmpty() ? NODES.textNode("deviceKey" + i) : spec.minimal(items));
            }
            String what = n + " items";
            if (n < minItems) {
                out.add(new Value(a, Expect.INVALID, what + " (fewer than minItems " + minItems + ")"));
            } else if (n > maxItems) {
                out.add(new Value(a, Expect.INVALID, what + " (more than maxItems " + maxItems + ")"));
            } else if (unique && n > 1 && !strings && !itemType.isEmpty()) {
                out.add(new Value(a, Expect.INVALID, what + ", all the same (uniqueItems)"));
            } else {
                out.add(new Value(a, Expect.ANY, what));
            }
        }
        if (strings) {
            ArrayNode twice = NODES.arrayNode().add("deviceKey1").add("deviceKey2").add("deviceKey1");
            out.add(unique ? new Value(twice, Expect.INVALID, "deviceKey1 twice (uniqueItems)")
                    : new Value(twice, Expect.ANY, "deviceKey1 twice"));
            ArrayNode same = NODES.arrayNode();
            for (int i = 0; i < 1000; i++) {
                same.add("deviceKey1");
            }
            out.add(unique ? new Value(same, Expect.INVALID, "deviceKey1 1000 times (uniqueItems)")
                    : new Value(same, Expect.ANY, "deviceKey1 1000 times"));
            int minLength = items.path("minLength").asInt(0);
            if (minLength > 0) {
                out.add(invalid(NODES.arrayNode().add("deviceKey1").add(""), "an item shorter than minLength "
                        + minLength));
            }
            out.add(valid(NODES.arrayNode().add("ä中文😀").add("with space").add("x".repeat(3000))));
            out.add(invalid(NODES.arrayNode().add("a").add(2), "an item is not a string"));
            out.add(invalid(NODES.arrayNode().addNull(), "an item is null"));
            out.add(invalid(NODES.arrayNode().add(NODES.arrayNode().add("a")), "an item is an array"));
        } else if (itemType.equals("object")) {
            out.add(invalid(NODES.arrayNode().add("s"), "an item is a string, not an object"));
            out.add(invalid(NODES.arrayNode().add(1), "an item is a number, not an object"));
            out.add(invalid(NODES.arrayNode().add(NODES.arrayNode()), "an item is an array, not an object"));
            out.add(new Value(NODES.arrayNode().add(NODES.objectNode().put("field", "createTime").put("order",
                    "DESC")).add(NODES.objectNode()), Expect.ANY, "[{field, order}, {}]"));
        } else {
            out.add(new Value(NODES.arrayNode().add("s").add(1).addNull(), Expect.ANY, "mixed items"));
        }
        out.addAll(wrongTypes("array"));
    }

    private static void integers(JsonNode schema, List<Value> out) {
        BigInteger min = schema.has("minimum") ? schema.get("minimum").bigIntegerValue() : null;
        BigInteger max = schema.has("maximum") ? schema.get("maximum").bigIntegerValue() : null;
        boolean int32 = "int32".equals(schema.path("format").asText());
        BigInteger lo = min != null ? min : int32 ? INT32_MIN : INT64_MIN;
        BigInteger hi = max != null ? max : int32 ? INT32_MAX : INT64_MAX;
        // in range: both bounds, a value inside, and the same as a numeric string (the mock accepts those)
        out.add(valid(NODES.numberNode(lo)));
        out.add(valid(NODES.numberNode(hi)));
        BigInteger mid = lo.add(hi).shiftRight(1);
        out.add(valid(NODES.numberNode(mid)));
        out.add(valid(NODES.textNode(mid.toString())));
        // an exponent: the same number written another way; a claim only when it is out of range
        for (String e : List.of("3E2", "1e5", "6.0e2", "-0", "1E1")) {
            BigDecimal v = new BigDecimal(e);
            boolean inRange = v.compareTo(new BigDecimal(lo)) >= 0 && v.compareTo(new BigDecimal(hi)) <= 0;
            out.add(inRange ? new Value(raw(e), Expect.ANY, e) : invalid(raw(e), "out of range"));
        }
        // out of range
        out.add(invalid(NODES.numberNode(lo.subtract(BigInteger.ONE)), "below the minimum " + lo));
        out.add(invalid(NODES.numberNode(hi.add(BigInteger.ONE)), "above the maximum " + hi));
        out.add(invalid(NODES.textNode(hi.add(BigInteger.ONE).toString()), "numeric string above the maximum"));
        out.add(invalid(NODES.textNode(lo.subtract(BigInteger.ONE).toString()), "numeric string below the minimum"));
        out.add(invalid(raw("1" + "0".repeat(40)), "a huge integer"));
        out.add(invalid(raw("-" + "9".repeat(40)), "a huge negative integer"));
        out.add(invalid(raw("9".repeat(400)), "a 400-digit integer"));
        out.add(invalid(raw("1e400"), "an exponent beyond any range"));
        out.add(invalid(raw("-1E+999999999"), "a huge negative exponent"));
        out.add(invalid(raw("1e-400"), "a tiny fraction"));
        out.add(invalid(NODES.numberNode(new BigDecimal("300.5")), "a fraction"));
        out.add(invalid(NODES.textNode("abc"), "a non-numeric string"));
        out.add(invalid(NODES.textNode(""), "an empty string"));
        out.add(invalid(NODES.textNode("12abc"), "a string starting with digits"));
        if (min != null && min.signum() >= 0) {
            out.add(invalid(NODES.numberNode(-1), "negative"));
        }
        out.addAll(wrongTypes("integer"));
    }
}
