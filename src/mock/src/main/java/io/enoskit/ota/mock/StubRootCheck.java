package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.enoskit.ota.contract.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start-up check of a root dir's stub mappings: a broken root would otherwise start silently and answer with
 * empty 200s or 404s. It fails when a mapping names a transformer no extension provides or an operation the API does
 * not have, or when an operation of {@link Operation} reaches no stub mapping naming it, naming the mapping and the
 * operation.
 */
final class StubRootCheck {
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
            for (String transformer : transformers(mapping)) {
                if (!known.contains(transformer) && !WIREMOCK_TRANSFORMERS.contains(transformer)) {
                    problems.add("the stub mapping " + describe(mapping) + " names the transformer '" + transformer
                            + "', which no extension provides (the mock's are " + known.stream().sorted().toList()
                            + "; an operation's mapping names '" + OtaOperationTransformer.NAME + "' and the"
                            + " operation, " + parameter(Operation.GET_JOB) + ")");
                }
            }
            Optional<String> named = OtaOperationTransformer.named(mapping.getResponse().getTransformerParameters());
            if (transformers(mapping).contains(OtaOperationTransformer.NAME) && named.isPresent()
                    && Operation.byId(named.get()).isEmpty()) {
                problems.add("the stub mapping " + describe(mapping) + " names the operation '" + named.get()
                        + "' in its transformerParameters, which is none of the API's: " + Arrays.stream(
                                Operation.values()).map(Operation::id).toList());
            }
        }
        List<StubMapping> byPriority = mappings.stream()
                .sorted(Comparator.comparing(m -> m.getPriority() == null ? DEFAULT_PRIORITY : m.getPriority()))
                .toList();
        for (Operation operation : Operation.values()) {
            Optional<StubMapping> first = byPriority.stream()
                    .filter(mapping -> mapping.getRequest().match(probe(operation)).isExactMatch()).findFirst();
            if (first.isEmpty() || !serves(first.get(), operation)) {
                problems.add("no stub mapping serves " + operation.method() + " " + operation.path() + "?action="
                        + operation.action() + " (it needs a mapping whose response names the transformer '"
                        + OtaOperationTransformer.NAME + "' with " + parameter(operation)
                        + ", as the kit's stubs/mappings do" + first.map(reached -> "; the request reaches "
                        + describe(reached) + " first").orElse("") + ")");
            }
        }
        return problems;
    }

    /** Whether the mapping's response serves the operation through {@link OtaOperationTransformer}. */
    private static boolean serves(StubMapping mapping, Operation operation) {
        return transformers(mapping).contains(OtaOperationTransformer.NAME)
                && OtaOperationTransformer.served(mapping.getResponse().getTransformerParameters())
                .equals(Optional.of(operation));
    }

    /** The {@code transformerParameters} a mapping of the operation gives, as JSON. */
    private static String parameter(Operation operation) {
        return "\"transformerParameters\": {\"" + OtaOperationTransformer.OPERATION + "\": \"" + operation.id()
                + "\"}";
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

    /** A stub mapping as messages name it: its name in quotes, else its id. */
    static String describe(StubMapping mapping) {
        return mapping.getName() != null ? "'" + mapping.getName() + "'" : mapping.getId().toString();
    }
}
