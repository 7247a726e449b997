package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.HostileRequest.Expect.ANY;
import static io.enoskit.ota.reliability.HostileRequest.Expect.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.enoskit.ota.reliability.BodyMutations.Mutation;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of Create OTA Job requests, from the spec's examples and schemas. */
final class CreateRequests {
    private static final SpecModel SPEC = SpecModel.load();
    private static final Map<String, ObjectNode> EXAMPLES = SPEC.createExamples();
    private static final Map<String, List<Mutation>> MUTATIONS = new LinkedHashMap<>();

    static {
        for (String type : List.of("upgrade", "verify")) {
            MUTATIONS.put(type, BodyMutations.forShape(SPEC, SPEC.bodySchema(type)));
        }
    }

    private CreateRequests() {
    }

    /** A body and what is known about it. */
    record Body(byte[] bytes, Expect expect, List<String> notes) {
        Body and(Expect more, String note, byte[] newBytes) {
            List<String> n = new ArrayList<>(notes);
            n.add(note);
            return new Body(newBytes, expect.and(more), n);
        }
    }

    static Arbitrary<String> exampleNames() {
        return Arbitraries.of(new ArrayList<>(EXAMPLES.keySet()));
    }

    static ObjectNode example(String name) {
        return EXAMPLES.get(name).deepCopy();
    }

    static Arbitrary<String> firmwares() {
        return Arbitraries.frequency(Tuple.of(6, Api.FIRMWARE), Tuple.of(2, Api.UNVERIFIED),
                Tuple.of(1, "noSuchFirmware"));
    }

    static HostileRequest post(String family, String firmware, List<String> headers, Body body) {
        Expect expect = body.expect();
        if (!Api.FIRMWARES.contains(firmware)) {
            expect = INVALID;
        }
        List<String> notes = new ArrayList<>(body.notes());
        if (!firmware.equals(Api.FIRMWARE)) {
            notes.add("firmwareId " + firmware);
        }
        return HostileRequest.of(family, Route.CREATE, expect, "POST", Api.create(Api.ORG, firmware), headers,
                body.bytes(), notes);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. bodies changed along the spec's schemas

    static Arbitrary<HostileRequest> specDrivenBodies() {
        return exampleNames().flatMap(name -> {
            String type = EXAMPLES.get(name).path("type").asText();
            Arbitrary<List<Mutation>> mutations = Arbitraries.of(MUTATIONS.get(type)).list().ofMinSize(0)
                    .ofMaxSize(3);
            return Combinators.combine(mutations, firmwares()).as((m, fw) -> {
                Body body = mutated(name, m, fw);
                return post("create-spec-bodies", fw, List.of("Content-Type: application/json"), body);
            });
        });
    }

    static Body mutated(String exampleName, List<Mutation> mutations, String firmware) {
        ObjectNode body = example(exampleName);
        Expect expect = ANY;
        List<String> notes = new ArrayList<>();
        notes.add("example " + exampleName);
        List<Mutation> applied = new ArrayList<>();
        for (Mutation m : mutations) {
            if (m.apply(body)) {
                applied.add(m);
                notes.add(m.note());
            }
        }
        for (Mutation m : applied) {
            if (m.expect() == INVALID && m.holds(body)) {
                expect = INVALID;
            }
        }
        if (expect == ANY) {
            expect = Api.business(body, Api.ORG, firmware);
            if (expect == INVALID) {
                notes.add("(a business rule forbids it)");
            }
        }
        byte[] bytes = Api.write(body).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Api.MAX_BODY_BYTES) {
            expect = INVALID;
        }
        return new Body(bytes, expect, notes);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. bodies broken as text

    /** A named way to break the text of a valid body. */
    record TextChange(String note, Expect expect, UnaryOperator<byte[]> apply) {
        @Override
        public String toString() {
            return note;
        }
    }

    static Arbitrary<HostileRequest> textCorruptions() {
        Arbitrary<TextChange> change = Arbitraries.oneOf(
                truncations(), trailingContent(), duplicateKeys(), nonObjects(), invalidUtf8(), hugeStrings(),
                oddJsonSyntax(), deepNestingOutsideAttributes());
        return Combinators.combine(exampleNames(), change, firmwares()).as((name, c, fw) -> {
            Body valid = mutated(name, List.of(), fw);
            byte[] changed = c.apply().apply(valid.bytes());
            Expect expect = c.expect();
            if (changed.length > Api.MAX_BODY_BYTES) {
                expect = INVALID;
            }
            return post("create-text-bodies", fw, List.of("Content-Type: application/json"),
                    valid.and(expect, c.note(), changed));
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Arbitrary<TextChange> truncations() {
        return Arbitraries.integers().between(0, 400).map(n -> new TextChange("truncated after " + n + " bytes",
                INVALID, b -> Arrays.copyOf(b, Math.min(n, b.length - 1))));
    }

    static Arbitrary<TextChange> trailingContent() {
        return Arbitraries.of("x", "}", "]", ",", "{}", " {}", "\u0000", "\n\n}", "null", "1", "//c", "/*c*/",
                "\"s\"", "\u00ff", "{\"type\":\"verify\"}").map(g -> new TextChange(
                "trailing content " + Bytes.escape(utf8(g), 40), INVALID, b -> concat(b, utf8(g))));
    }

    static Arbitrary<TextChange> duplicateKeys() {
        return Arbitraries.of(
                new TextChange("key type given twice", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"type\":\"upgrade\",\"type\":\"verify\","))),
                new TextChange("key upgradeScope.type given twice", INVALID, b -> utf8(text(b).replace(
                        "\"upgradeScope\":{", "\"upgradeScope\":{\"type\":\"total\","))),
                new TextChange("key upgradeScope given twice", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"upgradeScope\":{\"type\":\"total\"},"))),
                new TextChange("same key written with a \\u escape", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"\\\\u0074ype\":\"verify\","))));
    }

    static Arbitrary<TextChange> nonObjects() {
        return Arbitraries.of("[]", "[{}]", "\"string\"", "123", "-1e999", "null", "true", "\"\"", " ", "",
                        "\n", "{", "}", "[", "0x10", "NaN")
                .map(s -> new TextChange("the body is " + (s.isEmpty() ? "empty" : "the JSON text " + s), INVALID,
                        b -> utf8(s)))
;
    }

    static Arbitrary<TextChange> invalidUtf8() {
        Arbitrary<byte[]> sequences = Arbitraries.of(new byte[]{(byte) 0xff}, new byte[]{(byte) 0xc3, 0x28},
                new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[]{(byte) 0xc0, (byte) 0xaf},
                new byte[]{(byte) 0x80}, new byte[]{(byte) 0xe2, (byte) 0x82},
                new byte[]{(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[]{(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        return sequences.map(seq -> new TextChange("invalid UTF-8 " + Bytes.escape(seq, 10) + " inside a device key",
                INVALID, b -> {
            String t = text(b);
            int at = t.indexOf("deviceKey1") + "deviceKey1".length();
            byte[] head = utf8(t.substring(0, at));
            byte[] tail = utf8(t.substring(at));
            return concat(head, seq, tail);
        }));
    }

    static Arbitrary<TextChange> hugeStrings() {
        Arbitrary<Integer> sizes = Arbitraries.frequency(Tuple.of(6, 1_000), Tuple.of(4, 20_000),
                Tuple.of(2, 200_000), Tuple.of(1, 1_048_000), Tuple.of(1, 1_100_000));
        return sizes.map(n -> new TextChange("name.defaultValue of " + n + " characters", ANY, b -> {
            ObjectNode body = (ObjectNode) parse(b);
            ObjectNode name = body.putObject("name");
            name.put("defaultValue", "n".repeat(n));
            return utf8(Api.write(body));
        }));
    }

    static Arbitrary<TextChange> oddJsonSyntax() {
        return Arbitraries.of(
                new TextChange("byte order mark before the body", ANY, b -> concat(new byte[]{(byte) 0xef, (byte) 0xbb,
                        (byte) 0xbf}, b)),
                new TextChange("white space around the body", ANY, b -> concat(utf8(" \r\n\t"), b, utf8("\n "))),
                new TextChange("single quotes", INVALID, b -> utf8(text(b).replace('"', '\''))),
                new TextChange("a comment inside", INVALID, b -> utf8(text(b).replaceFirst("\\{", "{/* c */"))),
                new TextChange("upgradeTimeout NaN", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"upgradeTimeout\":NaN,"))),
                new TextChange("upgradeTimeout Infinity", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"upgradeTimeout\":Infinity,"))),
                new TextChange("upgradeTimeout with leading zeros", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"upgradeTimeout\":0600,"))),
                new TextChange("upgradeTimeout as a hex literal", INVALID, b -> utf8(text(b).replaceFirst("\\{",
                        "{\"upgradeTimeout\":0x258,"))),
                new TextChange("a raw line feed inside a string", INVALID, b -> utf8(text(b).replace("deviceKey1",
                        "device\nKey1"))),
                new TextChange("a raw NUL inside a string", INVALID, b -> utf8(text(b).replace("deviceKey1",
                        "device\u0000Key1"))),
                new TextChange("a lone surrogate escape in a device key", ANY, b -> utf8(text(b).replace("deviceKey1",
                        "deviceKey1\\ud800"))),
                new TextChange("an unfinished escape", INVALID, b -> utf8(text(b).replace("deviceKey1",
                        "deviceKey1\\u12"))),
                new TextChange("a trailing comma in an object", INVALID, b -> utf8(text(b).replaceFirst("}$", ",}"))),
                new TextChange("a trailing comma in an array", INVALID, b -> utf8(text(b).replace("\"deviceKey1\"",
                        "\"deviceKey1\",")))
        );
    }

    /** Deep nesting where the spec allows no nesting (inside attributes, see {@link #deepAttributes}). */
    static Arbitrary<TextChange> deepNestingOutsideAttributes() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(10, 2000);
        Arbitrary<String> where = Arbitraries.of("unknownField", "name", "deviceKeys item", "upgradeTimeout");
        return Combinators.combine(depth, where, Arbitraries.of(true, false)).as((d, w, arrays) -> new TextChange(
                (arrays ? "arrays" : "objects") + " nested " + d + " deep as " + w, INVALID, b -> {
            JsonNode nest = SpecModel.NODES.rawValueNode(new RawValue(
                    nested(d, arrays)));
            ObjectNode body = (ObjectNode) parse(b);
            switch (w) {
                case "name" -> body.set("name", nest);
                case "deviceKeys item" -> ((ObjectNode) body.get("upgradeScope")).putArray("deviceKeys").add(nest);
                case "upgradeTimeout" -> body.set("upgradeTimeout", nest);
                default -> body.set("unknownField", nest);
            }
            return utf8(Api.write(body));
        }));
    }

    static String nested(int depth, boolean arrays) {
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append(arrays ? "" : "1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? ']' : '}');
        }
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. headers: Content-Type, Content-Encoding (those the mock reads), Accept and others

    record HeaderChange(String note, Expect expect, List<String> headers,
                        UnaryOperator<byte[]> body) {
        @Override
        public String toString() {
            return note;
        }
    }

    static Arbitrary<HostileRequest> headerVariants() {
        Arbitrary<Body> bodies = Combinators.combine(exampleNames(), Arbitraries.of(true, false)).as((name, valid) ->
                valid ? mutated(name, List.of(), Api.FIRMWARE)
                        : mutated(name, List.of(removeUpgradeScope()), Api.FIRMWARE));
        return Combinators.combine(bodies, contentTypes(), encodings(), accepts(), otherHeaders())
                .as((body, ct, enc, acc, other) -> {
                    List<String> headers = new ArrayList<>();
                    headers.addAll(ct.headers());
                    headers.addAll(enc.headers());
                    headers.addAll(acc.headers());
                    headers.addAll(other.headers());
                    byte[] bytes = enc.body().apply(ct.body().apply(body.bytes()));
                    Body b = body.and(ct.expect(), ct.note(), bytes).and(enc.expect(), enc.note(), bytes)
                            .and(acc.expect(), acc.note(), bytes).and(other.expect(), other.note(), bytes);
                    return post("create-headers", Api.FIRMWARE, headers, b);
                });
    }

    private static Mutation removeUpgradeScope() {
        return new Mutation() {
            public String note() {
                return "required upgradeScope removed";
            }

            public Expect expect() {
                return INVALID;
            }

            public boolean apply(ObjectNode body) {
                return body.remove("upgradeScope") != null;
            }

            public boolean holds(ObjectNode body) {
                return !body.has("upgradeScope");
            }
        };
    }

    private static HeaderChange header(String note, Expect expect, String... headers) {
        return new HeaderChange(note, expect, List.of(headers), b -> b);
    }

    static Arbitrary<HeaderChange> contentTypes() {
        return Arbitraries.of(
                header("Content-Type application/json", ANY, "Content-Type: application/json"),
                header("Content-Type with charset=utf-8", ANY, "Content-Type: application/json; charset=utf-8"),
                header("Content-Type with charset=UTF-8, no space", ANY, "Content-Type: application/json;charset=UTF-8"),
                header("Content-Type in capitals", ANY, "Content-Type: APPLICATION/JSON"),
                header("Content-Type with a quoted charset", ANY, "Content-Type: application/json; charset=\"utf-8\""),
                header("Content-Type with another parameter", ANY, "Content-Type: application/json; foo=bar"),
                header("Content-Type +json", ANY, "Content-Type: application/vnd.api+json"),
                header("Content-Type with charset=iso-8859-1", ANY, "Content-Type: application/json; charset=iso-8859-1"),
                header("Content-Type given twice", ANY, "Content-Type: application/json", "Content-Type: text/plain"),
                header("no Content-Type", INVALID),
                header("empty Content-Type", INVALID, "Content-Type: "),
                header("Content-Type text/plain", INVALID, "Content-Type: text/plain"),
                header("Content-Type application/xml", INVALID, "Content-Type: application/xml"),
                header("Content-Type form-urlencoded", INVALID, "Content-Type: application/x-www-form-urlencoded"),
                header("Content-Type multipart", INVALID, "Content-Type: multipart/form-data; boundary=xyz"),
                header("Content-Type charset=bogus", INVALID, "Content-Type: application/json; charset=bogus"),
                header("Content-Type charset= (empty)", INVALID, "Content-Type: application/json; charset="),
                header("Content-Type charset=utf-16 on UTF-8 bytes", INVALID, "Content-Type: application/json; charset=utf-16"),
                header("Content-Type charset=utf-32 on UTF-8 bytes", INVALID, "Content-Type: application/json; charset=utf-32"),
                header("Content-Type charset=x-unknown-charset", INVALID, "Content-Type: application/json; charset=x-unknown-charset"),
                header("Content-Type garbage", INVALID, "Content-Type: ;;;=="));
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content-Encodings the mock claims to read, with bodies that are what they say. */
    static Arbitrary<HeaderChange> encodings() {
        return Arbitraries.of(
                header("no Content-Encoding", ANY),
                header("Content-Encoding identity", ANY, "Content-Encoding: identity"),
                new HeaderChange("Content-Encoding gzip, gzipped body", ANY, List.of("Content-Encoding: gzip"),
                        CreateRequests::gzip),
                new HeaderChange("Content-Encoding GZIP, gzipped body", ANY, List.of("Content-Encoding: GZIP"),
                        CreateRequests::gzip));
    }

    static byte[] deflate(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
                z.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Layers of content coding, applied in order ({@code "gzip"}, {@code "deflate"}). */
    private static byte[] encoded(byte[] body, String... layers) {
        byte[] out = body;
        for (String layer : layers) {
            out = layer.equals("gzip") ? gzip(out) : deflate(out);
        }
        return out;
    }

    private static HeaderChange layers(String declared, Expect expect, String... applied) {
        return new HeaderChange((declared == null ? "no Content-Encoding" : "Content-Encoding: " + declared)
                + " on a body encoded " + (applied.length == 0 ? "not at all" : String.join(" then ", applied)),
                expect, declared == null ? List.of() : List.of("Content-Encoding: " + declared),
                b -> encoded(b, applied));
    }

    /**
     * Layers of gzip and deflate, declared as applied or not. The mock undoes exactly the codings declared: a layer
     * more than declared (gzip inside gzip) leaves a body that is no JSON, never inflated a second time by guess;
     * every layer declared, in order, reads as the plain body.
     */
    static Arbitrary<HeaderChange> encodingLayers() {
        return Arbitraries.of(
                layers("gzip", INVALID, "gzip", "gzip"),
                layers("x-gzip", INVALID, "gzip", "gzip"),
                layers("gzip", INVALID, "gzip", "gzip", "gzip"),
                layers("gzip, gzip", INVALID, "gzip", "gzip", "gzip"),
                layers("deflate", INVALID, "gzip", "deflate"),
                layers("gzip", INVALID, "deflate", "gzip"),
                layers("identity", INVALID, "gzip"),
                layers(null, INVALID, "gzip", "gzip"),
                layers("gzip, deflate", INVALID, "deflate", "gzip"),
                layers("gzip, gzip", ANY, "gzip", "gzip"),
                layers("gzip, deflate", ANY, "gzip", "deflate"),
                layers("x-gzip, identity, GZIP", ANY, "gzip", "gzip"),
                layers("gzip, identity", ANY, "gzip"),
                layers("identity, identity", ANY));
    }

    /** Valid and invalid create bodies under {@link #encodingLayers()}. */
    static Arbitrary<HostileRequest> encodedBodies() {
        Arbitrary<Body> bodies = Combinators.combine(exampleNames(), Arbitraries.of(true, false)).as((name, valid) ->
                valid ? mutated(name, List.of(), Api.FIRMWARE)
                        : mutated(name, List.of(removeUpgradeScope()), Api.FIRMWARE));
        return Combinators.combine(bodies, encodingLayers()).as((body, layers) -> {
            byte[] bytes = layers.body().apply(body.bytes());
            List<String> headers = new ArrayList<>(List.of("Content-Type: application/json"));
            headers.addAll(layers.headers());
            return post("create-encoding-layers", Api.FIRMWARE, headers, body.and(layers.expect(), layers.note(),
                    bytes));
        });
    }

    static Arbitrary<HeaderChange> accepts() {
        return Arbitraries.of("", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "text/html",
                        "application/xml", "*/*;q=0", "application/json;q=0, text/plain", "garbage;;;q=x",
                        "text/event-stream", "application/json", "*/*")
                .map(a -> a.isEmpty() ? header("no Accept", ANY) : header("Accept: " + a, ANY, "Accept: " + a));
    }

    static Arbitrary<HeaderChange> otherHeaders() {
        return Arbitraries.of(
                header("no other header", ANY),
                header("Expect: 100-continue", ANY, "Expect: 100-continue"),
                header("an Origin (CORS)", ANY, "Origin: http://evil.example"),
                header("a 6000-character header", ANY, "X-Long: " + "v".repeat(6000)),
                header("100 extra headers", ANY, manyHeaders(100)),
                header("a header with non-ASCII bytes", ANY, "X-Odd: \u00e4\u00ff"),
                header("Content-Language and Cookie garbage", ANY, "Content-Language: ??", "Cookie: ;;;=;"),
                header("X-HTTP-Method-Override: DELETE", ANY, "X-HTTP-Method-Override: DELETE"),
                header("gateway headers without auth being required", ANY, "apim-accesstoken: abc",
                        "apim-signature: zz", "apim-timestamp: notanumber"));
    }

    private static String[] manyHeaders(int n) {
        String[] h = new String[n];
        for (int i = 0; i < n; i++) {
            h[i] = "X-H" + i + ": " + i;
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------------------------
    // known failures of the current mock, each its own property (see MalformedRequestProperties)

    /** Bodies that start with gzip's magic bytes, sent without Content-Encoding. */
    static Arbitrary<byte[]> gzipMagicBodies() {
        Arbitrary<byte[]> tails = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> junk = tails.map(t -> concat(new byte[]{0x1f, (byte) 0x8b}, t));
        Arbitrary<byte[]> realGzip = exampleNames().map(n -> gzip(mutated(n, List.of(), Api.FIRMWARE).bytes()));
        return Arbitraries.oneOf(junk, realGzip);
    }

    /** Bodies that are not the gzip their Content-Encoding says. */
    static Arbitrary<byte[]> invalidGzipBodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(60);
        Arbitrary<byte[]> truncated = Combinators.combine(exampleNames(), Arbitraries.integers().between(0, 60))
                .as((n, cut) -> {
                    byte[] gz = gzip(mutated(n, List.of(), Api.FIRMWARE).bytes());
                    return Arrays.copyOf(gz, Math.min(cut, gz.length - 1));
                });
        Arbitrary<byte[]> corrupted = Combinators.combine(exampleNames(), Arbitraries.integers().between(10, 200))
                .as((n, at) -> {
                    byte[] gz = gzip(mutated(n, List.of(), Api.FIRMWARE).bytes());
                    int i = Math.min(at, gz.length - 1);
                    gz[i] = (byte) ~gz[i];
                    return gz;
                });
        Arbitrary<byte[]> plain = exampleNames().map(n -> mutated(n, List.of(), Api.FIRMWARE).bytes());
        return Arbitraries.oneOf(random, truncated, corrupted, plain);
    }

    /** Content-Encodings the mock does not read, with plain JSON bodies. */
    static Arbitrary<String> unsupportedEncodings() {
        return Arbitraries.of("deflate", "br", "zstd", "x-foo", "compress", "gzip, br", "x-gzip, deflate", "*");
    }

    /** Arrays or objects nested 10..2000 deep as the value of one attribute (the spec allows any value there). */
    static Arbitrary<String> deepAttributes() {
        // uniform over 10..2000, and as often close to 1000, Jackson's default nesting limit, where what the mock
        // reads and what it can write back part ways
        Arbitrary<Integer> depth = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(10, 2000)),
                Tuple.of(1, Arbitraries.integers().between(985, 1005)));
        return Combinators.combine(depth, Arbitraries.of(true, false)).as((d, arrays) -> nested(d, arrays));
    }

    static JsonNode parse(byte[] b) {
        try {
            return Api.JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        return Bytes.concat(parts);
    }
}
