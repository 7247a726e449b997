package io.enoskit.ota.proxy;

import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the project's spec: the file as the repository holds it ({@code spec/ota-jobs.yaml}) and a line, so that
 * a SARIF viewer (GitHub code scanning) and a person can open it.
 *
 * @param file the file, relative to the repository's top level
 * @param line the line, from 1
 */
public record SpecLocation(String file, int line) {
    private static final Pattern SCHEMA = Pattern.compile("/components/schemas/([^/]+)");

    /** The spec file of a class-path document: {@code io/enoskit/ota/spec/ota-jobs.yaml} → {@code spec/ota-jobs.yaml}. */
    static String file(String document) {
        return "spec/" + document.substring(document.lastIndexOf('/') + 1);
    }

    /** Where a rule of {@code x-enos-rules} is written ({@code - id: GET-24404}); the first document's top if none. */
    static SpecLocation ofRule(String ruleId) {
        for (String document : OpenApiContract.DOCUMENTS) {
            int line = lineOf(document, Pattern.compile("^\\s*- id: " + Pattern.quote(ruleId) + "\\s*$",
                    Pattern.MULTILINE));
            if (line > 0) {
                return new SpecLocation(file(document), line);
            }
        }
        return new SpecLocation(file(OpenApiContract.SPEC_RESOURCE), 1);
    }

    /** Where an operation is written (its {@code operationId} line, else the document's top). */
    static SpecLocation ofOperation(Operation operation) {
        String id = OpenApiContract.load(operation.document()).operation(operation.path(), operation.method())
                .map(io.swagger.v3.oas.models.Operation::getOperationId).orElse(null);
        int line = id == null ? 1 : lineOf(operation.document(),
                Pattern.compile("^\\s*operationId: " + Pattern.quote(id) + "\\s*$", Pattern.MULTILINE));
        return new SpecLocation(file(operation.document()), Math.max(line, 1));
    }

    /**
     * Where a schema pointer leads: the named schema of {@code components/schemas} it goes through, else the
     * operation.
     */
    static SpecLocation ofSchema(Operation operation, String schemaPointer) {
        Matcher schema = SCHEMA.matcher(schemaPointer == null ? "" : schemaPointer);
        String name = null;
        while (schema.find()) {
            name = schema.group(1);
        }
        if (name != null) {
            for (String document : List.of(operation.document(), OpenApiContract.SPEC_RESOURCE)) {
                int line = lineOf(document, Pattern.compile("^    " + Pattern.quote(name) + ":\\s*$",
                        Pattern.MULTILINE));
                if (line > 0) {
                    return new SpecLocation(file(document), line);
                }
            }
        }
        return ofOperation(operation);
    }

    private static int lineOf(String document, Pattern pattern) {
        String text = OpenApiContract.load(document).text();
        Matcher found = pattern.matcher(text);
        if (!found.find()) {
            return -1;
        }
        int line = 1;
        for (int i = 0; i < found.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
