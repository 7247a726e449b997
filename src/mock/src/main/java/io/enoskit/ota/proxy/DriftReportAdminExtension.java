package io.enoskit.ota.proxy;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.enoskit.ota.contract.Json;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;

/**
 * The proxy's admin route: {@code POST /__admin/ota/report} writes the drift report now and answers
 * {@code {"files": [path, ...], "exchanges": n, "findings": n, "observations": n}}; HTTP 500 with
 * {@code {"error": String}} when the folder cannot be written. It sits behind the admin protections of WireMock's admin
 * API (the admin token; cross-site requests refused).
 */
final class DriftReportAdminExtension implements AdminApiExtension {
    static final String NAME = "enos-ota-proxy-admin";
    private final ValidatingProxy proxy;

    DriftReportAdminExtension(ValidatingProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(POST, "/ota/report", (admin, serveEvent, pathParams) -> {
            try {
                List<Path> files = proxy.writeReport();
                DriftReport report = proxy.report();
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("files", files.stream().map(file -> file.toAbsolutePath().normalize().toString())
                        .toList());
                answer.put("exchanges", report.exchanges());
                answer.put("findings", report.findings().size());
                answer.put("observations", report.observations().size());
                return ResponseDefinition.okForJson(answer);
            } catch (UncheckedIOException failed) {
                return new ResponseDefinitionBuilder().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(Json.write(Map.of("error", failed.getMessage()))).build();
            }
        });
    }
}
