package io.enoskit.ota.proxy;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.proxy.DriftReport.Item;
import io.enoskit.ota.proxy.Finding.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a {@link DriftReport} into a folder as {@code drift-report.html} (for people: one section per operation, a
 * table of its findings by field, each with its example exchanges; no script), {@code drift-report.json} (the same
 * data) and {@code drift-report.sarif} (SARIF 2.1.0 for code-scanning views: one result per distinct finding or
 * observation, {@code error} or {@code note}, located at the spec file and line of its rule or schema, with the
 * operation as a logical location). Each file is written beside and then moved into place, so a reader never sees
 * half a report.
 */
public final class DriftReportFiles {
    /** The three file names. */
    public static final String HTML = "drift-report.html";
    public static final String JSON = "drift-report.json";
    public static final String SARIF = "drift-report.sarif";
    private static final int SHOWN_BODY_CHARS = 4000;
    private static final String TOOL = "enos-ota-kit proxy";
    private static final Escaper HTML_ESCAPER = HtmlEscapers.htmlEscaper();

    private DriftReportFiles() {
    }

    /**
     * Writes the three files.
     *
     * @return their paths, HTML, JSON, SARIF
     * @throws IOException when the folder cannot be created or written
     */
    public static List<Path> write(DriftReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path html = dir.resolve(HTML);
        Path json = dir.resolve(JSON);
        Path sarif = dir.resolve(SARIF);
        replace(html, html(report));
        replace(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(report)));
        replace(sarif, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sarif(report)));
        return List.of(html, json, sarif);
    }

    private static void replace(Path file, String text) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The report as JSON-shaped maps: summary, then per operation its findings and observations. */
    static Map<String, Object> json(DriftReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", report.target());
        root.put("started", report.started().toString());
        root.put("written", report.written().toString());
        root.put("summary", summary(report));
        List<Map<String, Object>> operations = new ArrayList<>();
        report.byOperationItems().forEach((operation, items) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("operation", operation);
            group.put("exchanges", report.byOperation().getOrDefault(operation, 0L));
            group.put("findings", items.stream().filter(i -> i.kind() == Kind.FINDING).map(DriftReportFiles::item)
                    .toList());
            group.put("observations", items.stream().filter(i -> i.kind() == Kind.OBSERVATION)
                    .map(DriftReportFiles::item).toList());
            operations.add(group);
        });
        root.put("operations", operations);
        root.put("unchecked", report.unchecked());
        return root;
    }

    private static Map<String, Object> summary(DriftReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("exchanges", report.exchanges());
        summary.put("findings", report.findings().size());
        summary.put("observations", report.observations().size());
        summary.put("byOperation", report.byOperation());
        summary.put("incomplete", report.incomplete());
        summary.put("failedForwards", report.failedForwards());
        summary.put("dropped", report.dropped());
        summary.put("findingsOverflow", report.findingsOverflow());
        return summary;
    }

    private static Map<String, Object> item(Item item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", item.id());
        fields.put("kind", item.kind().name().toLowerCase(Locale.ROOT));
        fields.put("operation", item.operation());
        fields.put("field", item.field());
        fields.put("expected", item.expected());
        fields.put("actual", item.firstActual());
        if (!item.lastActual().equals(item.firstActual())) {
            fields.put("lastActual", item.lastActual());
        }
        fields.put("count", item.count());
        fields.put("firstSeen", item.firstSeen().toString());
        fields.put("lastSeen", item.lastSeen().toString());
        fields.put("spec", item.location().file() + ":" + item.location().line());
        fields.put("examples", item.examples().stream().map(DriftReportFiles::example).toList());
        return fields;
    }

    /** An exchange as the reports show it: bodies as text (at most a few thousand characters), else their size. */
    static Map<String, Object> example(Exchange exchange) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("time", exchange.time().toString());
        shown.put("request", exchange.method() + " " + exchange.path()
                + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery()));
        shown.put("requestHeaders", exchange.requestHeaders());
        shown.put("requestBody", body(exchange.requestBody(), exchange.requestText()));
        shown.put("status", exchange.status());
        shown.put("responseHeaders", exchange.responseHeaders());
        shown.put("responseBody", body(exchange.responseBody(), exchange.responseText()));
        return shown;
    }

    private static String body(byte[] bytes, String text) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        if (text == null) {
            return "(" + bytes.length + " bytes, not text)";
        }
        return text.length() > SHOWN_BODY_CHARS ? text.substring(0, SHOWN_BODY_CHARS) + "... (" + text.length()
                + " characters in all)" : text;
    }

    /** The report as a SARIF 2.1.0 log: one run, the kit's rules, one result per distinct finding or observation. */
    static Map<String, Object> sarif(DriftReport report) {
        Map<String, DocumentedRule> catalogue = OpenApiContract.allRules().stream()
                .collect(Collectors.toMap(DocumentedRule::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Item item : report.items()) {
            rules.computeIfAbsent(item.id(), id -> rule(id, catalogue.get(id), item));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", item.id());
            result.put("ruleIndex", new ArrayList<>(rules.keySet()).indexOf(item.id()));
            result.put("level", item.kind() == Kind.FINDING ? "error" : "note");
            result.put("message", Map.of("text", message(item)));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", item.location().file(), "uriBaseId", "%SRCROOT%"));
            physical.put("region", Map.of("startLine", item.location().line()));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("physicalLocation", physical);
            location.put("logicalLocations", List.of(Map.of("name", item.operation(), "kind", "function")));
            result.put("locations", List.of(location));
            result.put("partialFingerprints", Map.of("driftFinding/v1", String.join("|", item.id(),
                    item.operation(), item.field(), item.expected())));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("operation", item.operation());
            properties.put("field", item.field());
            properties.put("expected", item.expected());
            properties.put("actual", item.firstActual());
            properties.put("count", item.count());
            properties.put("examples", item.examples().stream().map(DriftReportFiles::example).toList());
            result.put("properties", properties);
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", TOOL);
        driver.put("semanticVersion", "0.1.0");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of("%SRCROOT%", Map.of("description",
                Map.of("text", "the kit's repository, where spec/ lives"))));
        run.put("results", results);
        run.put("properties", Map.of("target", report.target(), "summary", summary(report)));
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> rule(String id, DocumentedRule documented, Item item) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        if (documented != null) {
            rule.put("shortDescription", Map.of("text", documented.rule()));
            rule.put("fullDescription", Map.of("text", documented.rule() + " (" + documented.source() + ")"));
        } else {
            rule.put("shortDescription", Map.of("text", item.kind() == Kind.FINDING
                    ? "The answer breaks the shape the spec documents at " + id
                    : "What the spec leaves open at " + id + ", as the target decided it"));
        }
        rule.put("defaultConfiguration", Map.of("level", item.kind() == Kind.FINDING ? "error" : "note"));
        return rule;
    }

    private static String message(Item item) {
        return item.operation() + ", " + item.field() + ": expected " + item.expected() + "; came "
                + item.firstActual() + " (" + item.count() + (item.count() == 1 ? " exchange)" : " exchanges)");
    }

    /** The report as a page readable without scripts: a summary, then per operation a table by field. */
    static String html(DriftReport report) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Drift report: ")
                .append(escape(report.target())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0}")
                .append("th,td{border:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f4f4f4}.finding{color:#a40000;font-weight:bold}.observation{color:#555}")
                .append("pre{background:#f8f8f8;padding:.5em;white-space:pre-wrap;word-break:break-all;margin:.2em 0}")
                .append("details{margin:.3em 0}summary{cursor:pointer}.verdict{font-size:1.1em;padding:.5em;")
                .append("border-radius:4px}.ok{background:#e6f4ea}.bad{background:#fce8e6}\n</style></head><body>\n");
        page.append("<h1>Drift report of ").append(escape(report.target())).append("</h1>\n");
        int findings = report.findings().size();
        page.append("<p class=\"verdict ").append(findings == 0 ? "ok" : "bad").append("\">")
                .append(findings == 0 ? "No finding: every answer checked kept the documented rules and shapes."
                        : findings + (findings == 1 ? " finding" : " findings")
                        + ": the target broke documented rules or shapes (below, by operation and field).")
                .append(" ").append(report.observations().size()).append(" observations of what the pages leave"
                        + " open.</p>\n");
        page.append("<table><tr><th>Exchanges</th><th>Per operation</th><th>Not an operation of the spec</th>"
                + "<th>Not checked</th></tr><tr><td>").append(report.exchanges()).append("</td><td>")
                .append(escape(counts(report.byOperation()))).append("</td><td>")
                .append(escape(counts(report.unchecked()))).append("</td><td>")
                .append(report.incomplete()).append(" over the capture limit, ").append(report.dropped())
                .append(" dropped, ").append(report.failedForwards()).append(" unanswered by the target (502/504)")
                .append(report.findingsOverflow() > 0 ? ", " + report.findingsOverflow()
                        + " occurrences past the bound of distinct findings" : "")
                .append("</td></tr></table>\n<p>From ").append(report.started()).append(" to ")
                .append(report.written()).append(". Credentials are masked.</p>\n");
        report.byOperationItems().forEach((operation, items) -> {
            page.append("<h2 id=\"").append(escape(operation)).append("\">").append(escape(operation))
                    .append("</h2>\n<table><tr><th>Field</th><th>Kind</th><th>Rule or spec location</th>"
                            + "<th>Expected</th><th>Came</th><th>Count</th></tr>\n");
            for (Item item : items) {
                String kind = item.kind() == Kind.FINDING ? "finding" : "observation";
                page.append("<tr><td>").append(escape(item.field())).append("</td><td class=\"").append(kind)
                        .append("\">").append(kind).append("</td><td>").append(escape(item.id())).append("<br><small>")
                        .append(escape(item.location().file() + ":" + item.location().line())).append("</small></td><td>")
                        .append(escape(item.expected())).append("</td><td>").append(escape(item.firstActual()))
                        .append("</td><td>").append(item.count()).append("</td></tr>\n<tr><td colspan=\"6\">");
                int n = 1;
                for (Exchange example : item.examples()) {
                    Map<String, Object> shown = example(example);
                    page.append(n == 1 ? "<details open>" : "<details>").append("<summary>Example ").append(n++).append(": ")
                            .append(escape(String.valueOf(shown.get("request")))).append(" → HTTP ")
                            .append(example.status()).append("</summary><pre>")
                            .append(escape(String.valueOf(shown.get("request")))).append('\n')
                            .append(escape(headers(example.requestHeaders()))).append('\n')
                            .append(escape(String.valueOf(shown.get("requestBody")))).append("</pre><pre>HTTP ")
                            .append(example.status()).append('\n').append(escape(headers(example.responseHeaders())))
                            .append('\n').append(escape(String.valueOf(shown.get("responseBody"))))
                            .append("</pre></details>");
                }
                page.append("</td></tr>\n");
            }
            page.append("</table>\n");
        });
        page.append("</body></html>\n");
        return page.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(entry -> entry.getKey() + ": "
                + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static String headers(Map<String, List<String>> headers) {
        return headers.entrySet().stream().flatMap(entry -> entry.getValue().stream()
                .map(value -> entry.getKey() + ": " + value)).collect(Collectors.joining("\n"));
    }

    private static String escape(String text) {
        return HTML_ESCAPER.escape(text == null ? "" : text);
    }
}
