package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.enoskit.ota.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start-up check of a root dir's stub mappings: a broken root would otherwise start silently and answer with
 * empty 200s or 404s. It fails when a mapping names a transformer no extension provides, or when an operation of the
 * API reaches no stub mapping but the catch-all, naming the file and the operation.
 */
final class StubRootCheck {
    /** The transformer each operation is served by in the kit's own stub mappings. */
    private static final Map<Operation, String> SERVED_BY = Map.ofEntries(
            Map.entry(Operation.CREATE_JOB, CreateOtaJobTransformer.NAME),
            Map.entry(Operation.GET_JOB, GetOtaJobTransformer.NAME),
            Map.entry(Operation.START_JOB, OtaJobActionTransformer.NAME),
            Map.entry(Operation.STOP_JOB, OtaJobActionTransformer.NAME),
            Map.entry(Operation.DELETE_JOB, OtaJobActionTransformer.NAME),
            Map.entry(Operation.SEARCH_JOBS, SearchOtaJobTransformer.NAME),
            Map.entry(Operation.SEARCH_TASKS, SearchOtaTaskTransformer.NAME),
            Map.entry(Operation.CANCEL_TASKS, OtaTaskActionTransformer.NAME),
            Map.entry(Operation.RETRY_TASKS, OtaTaskActionTransformer.NAME),
            Map.entry(Operation.GET_FIRMWARE, OtaFirmwareTransformer.NAME),
            Map.entry(Operation.SEARCH_FIRMWARE, OtaFirmwareTransformer.NAME),
            Map.entry(Operation.SEARCH_DEVICE_UPGRADE, SearchDeviceUpgradeTransformer.NAME));
    /** Transformers WireMock itself provides. */
    private static final Set<String> WIREMOCK_TRANSFORMERS = Set.of("response-template");
    private static final int DEFAULT_PRIORITY = 5;

    private StubRootCheck() {
    }

    /**
     * @param known the names of every extension loaded (the mock's and the user's)
     * @return the problems, each naming the mapping or the operation; empty when the root serves every operation
     */
    static List<String> problems(WireMockServer server, Set<String> known) {
        List<String> problems = new ArrayList<>();
        List<StubMapping> mappings = server.getStubMappings();
        for (StubMapping mapping : mappings) {
            for (String transformer : mapping.getResponse().getTransformers() == null ? List.<String>of()
                    : mapping.getResponse().getTransformers()) {
                if (!known.contains(transformer) && !WIREMOCK_TRANSFORMERS.contains(transformer)) {
                    problems.add("the stub mapping " + describe(mapping) + " names the transformer '" + transformer
                            + "', which no extension provides (the mock's are " + known.stream().sorted().toList()
                            + ")");
                }
            }
        }
        List<StubMapping> byPriority = mappings.stream()
                .sorted(Comparator.comparing(m -> m.getPriority() == null ? DEFAULT_PRIORITY : m.getPriority()))
                .toList();
        for (Map.Entry<Operation, String> served : SERVED_BY.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Operation operation = served.getKey();
            Optional<StubMapping> first = byPriority.stream()
                    .filter(mapping -> mapping.getRequest().match(probe(operation)).isExactMatch()).findFirst();
            boolean reached = first.isPresent() && !transformers(first.get()).contains(UnmatchedRequestTransformer.NAME);
            if (!reached) {
                problems.add("no stub mapping serves " + operation.method() + " " + operation.path() + "?action="
                        + operation.action() + " (it needs a mapping whose response names the transformer '"
                        + served.getValue() + "', as the kit's stubs/mappings do)");
            }
        }
        return problems;
    }

    private static Request probe(Operation operation) {
        return ImmutableRequest.create()
                .withAbsoluteUrl("http://localhost" + operation.path() + "?action=" + operation.action()
                        + "&orgId=o&firmwareId=f&jobId=j")
                .withMethod(RequestMethod.fromString(operation.method()))
                .withHeader("Content-Type", "application/json")
                .withBody("{}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static List<String> transformers(StubMapping mapping) {
        return mapping.getResponse().getTransformers() == null ? List.of() : mapping.getResponse().getTransformers();
    }

    private static String describe(StubMapping mapping) {
        return mapping.getName() != null ? "'" + mapping.getName() + "'" : mapping.getId().toString();
    }
}
