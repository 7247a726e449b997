package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;
import java.util.function.Supplier;

import static io.enoskit.ota.mock.AdminAnswers.answer;

/**
 * The admin routes of the console and the API docs page: their files ({@link ConsoleAssets}), the spec documents
 * the docs page renders ({@link ApiDocs}), and the log of API exchanges the console shows ({@link ExchangeLog}).
 * Paths are relative to {@code /__admin/ota}; the table is in {@link OtaAdminApiExtension}.
 */
final class ConsoleRoutes {
    private final ExchangeLog exchanges;
    private final Supplier<ApiDocs> docs;
    private final ConsoleAssets assets = new ConsoleAssets();

    /**
     * @param exchanges the API exchanges the console's request log shows
     * @param docs      the spec documents the docs page renders (built on first use)
     */
    ConsoleRoutes(ExchangeLog exchanges, Supplier<ApiDocs> docs) {
        this.exchanges = exchanges;
        this.docs = docs;
    }

    /** GET /ui: the console, an HTML page. */
    AdminTask console() {
        return (admin, event, params) -> assets.kitFile("console.html");
    }

    /** GET /ui/{file}: a file of the console; 404 for a name the jar lacks. */
    AdminTask consoleFile() {
        return (admin, event, params) -> assets.kitFile(params.get("file"));
    }

    /** GET /docs: the API docs page (Swagger UI). */
    AdminTask docsPage() {
        return (admin, event, params) -> assets.kitFile("docs.html");
    }

    /** GET /docs/swagger-ui/{file}: a file of Swagger UI's WebJar. */
    AdminTask swaggerUiFile() {
        return (admin, event, params) -> assets.swaggerUiFile(params.get("file"));
    }

    /**
     * GET /docs/specs: the spec documents the docs page renders ({@link ApiDocs}), {@code {"swaggerUi":
     * version, "documents": [{"name", "url"}]}}.
     */
    AdminTask listDocuments() {
        return (admin, event, params) -> answer(() -> Map.of("swaggerUi", String.valueOf(assets.swaggerUiVersion()),
                "documents", docs.get().names().stream().map(name -> Map.of("name", name,
                        "url", "/__admin/ota/docs/specs/" + name)).toList()));
    }

    /** GET /docs/specs/{document}: one document as JSON; 404 with the names there are. */
    AdminTask showDocument() {
        return (admin, event, params) -> docs.get().document(params.get("document"),
                        event.getRequest().getHeader("Host"))
                .map(json -> new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(json).build())
                .orElseGet(() -> AdminAnswers.error(404, "no spec document " + params.get("document")
                        + "; the documents are " + String.join(", ", docs.get().names())));
    }

    /**
     * GET /exchanges?after=n: {@code {"exchanges": [LoggedExchange], "capacity": n}}, the last API exchanges
     * (request, envelope, the fields a 99400 names, {@link ExchangeLog}) numbered above {@code after} (a whole
     * number, 0 when absent); 400 naming {@code after} when it is not one.
     */
    AdminTask listExchanges() {
        return (admin, event, params) -> answer(() -> {
            var after = event.getRequest().queryParameter("after");
            long from;
            try {
                from = after.isPresent() ? Long.parseLong(after.firstValue()) : 0;
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("the query parameter after must be a whole number (the last"
                        + " exchange's seq the caller has), found '" + after.firstValue() + "'");
            }
            return exchangesAfter(from);
        });
    }

    /** DELETE /exchanges: forgets the logged exchanges (a reset does too); answers as {@link #listExchanges()}. */
    AdminTask clearExchanges() {
        return (admin, event, params) -> answer(() -> {
            exchanges.clear();
            return exchangesAfter(0);
        });
    }

    private Map<String, Object> exchangesAfter(long seq) {
        return Map.of("exchanges", exchanges.after(seq), "capacity", ExchangeLog.CAPACITY);
    }
}
