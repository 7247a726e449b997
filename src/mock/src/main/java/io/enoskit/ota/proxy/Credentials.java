package io.enoskit.ota.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The credentials one exchange carries, and that exchange with them masked. A credential is the value of a header,
 * query parameter or JSON field whose name speaks of one: {@code Authorization}, {@code apim-accesstoken},
 * {@code apim-signature}, {@code Cookie}, the token service's {@code encryption} and the {@code accessToken} it
 * issues, any name with token, signature, secret, password or key in it. Each such value is replaced, wherever it
 * appears in the exchange or in what was found about it, by {@code ****(N chars)}: no report, log line or listener
 * ever sees one.
 */
final class Credentials {
    /** Names whose values are credentials. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(authorization|token|signature|secret|password|passwd|cookie|encryption|api[-_]?key|app[-_]?key"
                    + "|credential).*");
    /** Shorter values are not hunted down in free text (they would mask ordinary words). */
    private static final int SHORTEST_HUNTED = 4;
    private final List<String> values;

    private Credentials(List<String> values) {
        this.values = values;
    }

    /** The credentials an exchange carries: in its headers, query parameters and JSON bodies, request and answer. */
    static Credentials of(Exchange exchange) {
        Set<String> found = new LinkedHashSet<>();
        headerValues(exchange.requestHeaders(), found);
        headerValues(exchange.responseHeaders(), found);
        Queries.parse(exchange.rawQuery()).forEach((name, values) -> {
            if (secret(name)) {
                found.addAll(values);
            }
        });
        if (exchange.rawQuery() != null) {
            for (String pair : exchange.rawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && secret(pair.substring(0, equals))) {
                    found.add(pair.substring(equals + 1));
                }
            }
        }
        jsonValues(exchange.requestText(), found);
        jsonValues(exchange.responseText(), found);
        List<String> longestFirst = new ArrayList<>(found.stream().filter(v -> v.length() >= SHORTEST_HUNTED).toList());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Credentials(longestFirst);
    }

    /** True when a header, parameter or field of this name holds a credential. */
    static boolean secret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The text with every credential of the exchange replaced; null stays null. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, masked(value));
        }
        return masked;
    }

    /** The exchange with its credentials masked: headers, query and text bodies (binary bodies are kept as sent). */
    Exchange mask(Exchange exchange) {
        return new Exchange(exchange.time(), exchange.method(), mask(exchange.path()), mask(exchange.rawQuery()),
                maskHeaders(exchange.requestHeaders()), maskBody(exchange.requestBody(), exchange.requestText(),
                exchange.requestHeaders()), exchange.status(), maskHeaders(exchange.responseHeaders()),
                maskBody(exchange.responseBody(), exchange.responseText(), exchange.responseHeaders()),
                exchange.complete());
    }

    private Map<String, List<String>> maskHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.forEach((name, values) -> masked.put(name, values.stream()
                .map(value -> secret(name) ? masked(value) : mask(value)).toList()));
        return masked;
    }

    private byte[] maskBody(byte[] body, String text, Map<String, List<String>> headers) {
        if (body == null || text == null || values.isEmpty()) {
            return body;
        }
        String masked = mask(text);
        if (masked.equals(text)) {
            return body;
        }
        byte[] bytes = masked.getBytes(StandardCharsets.UTF_8);
        String encoding = Exchange.header(headers, "Content-Encoding");
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            return bytes;
        }
        // encoded again, so the body still is what its headers say (other bytes than sent: it was masked)
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(bytes);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return gzipped.toByteArray();
    }

    private static String masked(String value) {
        return "****(" + value.length() + " chars)";
    }

    private static void headerValues(Map<String, List<String>> headers, Set<String> found) {
        headers.forEach((name, values) -> {
            if (secret(name)) {
                for (String value : values) {
                    found.add(value);
                    // "Token abc", "Bearer abc": the credential alone, wherever else it shows up
                    int space = value.indexOf(' ');
                    if (space > 0) {
                        found.add(value.substring(space + 1).strip());
                    }
                }
            }
        });
    }

    private static void jsonValues(String text, Set<String> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (Exception notJson) {
            return;
        }
        collect(tree, null, found);
    }

    private static void collect(JsonNode node, String name, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> collect(field.getValue(), field.getKey(), found));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, name, found));
        } else if (name != null && secret(name) && !node.isNull()) {
            found.add(node.asText());
        }
    }
}
