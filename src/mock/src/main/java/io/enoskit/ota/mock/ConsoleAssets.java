package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * The files of the console ({@code /__admin/ota/ui}) and of the API docs page ({@code /__admin/ota/docs}), read from
 * the jar: the kit's own under {@code io/enoskit/ota/console/}, Swagger UI's from its WebJar (located with
 * webjars-locator-lite, so the version lives in the pom only). Nothing comes from a CDN. A name is one path segment of
 * letters, digits, dots and dashes with a known extension; anything else, or a file the jar lacks, is 404 with
 * {@code {"error": String}}.
 */
final class ConsoleAssets {
    private static final String CONSOLE = "io/enoskit/ota/console/";
    private static final String SWAGGER_UI = "swagger-ui";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8", "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "png", "image/png");
    private final WebJarVersionLocator webJars = new WebJarVersionLocator();

    /** A file of the kit's console or docs page ({@code console.html}, {@code console.js}...). */
    ResponseDefinition kitFile(String name) {
        return serve(name, CONSOLE + name);
    }

    /** A file of Swagger UI's distribution ({@code swagger-ui-bundle.js}, {@code swagger-ui.css}...). */
    ResponseDefinition swaggerUiFile(String name) {
        String path = NAME.matcher(name).matches() ? webJars.fullPath(SWAGGER_UI, name) : null;
        return serve(name, path);
    }

    /** The Swagger UI version the jar carries, or null when its WebJar is missing. */
    String swaggerUiVersion() {
        return webJars.version(SWAGGER_UI);
    }

    private static ResponseDefinition serve(String name, String resource) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        byte[] bytes = NAME.matcher(name).matches() && type != null && resource != null ? read(resource) : null;
        if (bytes == null) {
            return EnvelopeResponses.json(404, Map.of("error", "no file " + name + " in the console's or the API"
                    + " docs' files (" + String.join(", ", TYPES.keySet()) + " files only)"));
        }
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", type)
                .withHeader("X-Content-Type-Options", "nosniff").withHeader("Cache-Control", "no-cache")
                .withBody(bytes).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
