package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.profile.EnosVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-JVM cache of {@link ContractCheck}s, one per spec document, mode and EnOS release, shared by every mock
 * in the JVM (a check is immutable and thread-safe): a suite that starts a mock per test parses each document once.
 */
final class ContractCheckCache {
    private static final Logger LOG = LoggerFactory.getLogger(ContractCheckCache.class);
    private static final Map<String, ContractCheck> CHECKS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> WARM = new ConcurrentHashMap<>();

    private ContractCheckCache() {
    }

    /** The check of a document of the kit ({@link OpenApiContract#DOCUMENTS}), built on the first call. */
    static ContractCheck get(String document, boolean lenient) {
        return get(document, lenient, EnosVersion.newest());
    }

    /**
     * The check of a document as an EnOS release has it ({@link OpenApiContract#load(String, EnosVersion)}: a body
     * field of a later release is an unknown field), built on the first call.
     */
    static ContractCheck get(String document, boolean lenient, EnosVersion release) {
        return CHECKS.computeIfAbsent(document + (lenient ? "#lenient" : "") + "@" + release,
                key -> new ContractCheck(OpenApiContract.load(document, release), lenient));
    }

    /** Builds and warms every document's check on a daemon thread, once per JVM and mode. */
    static void warmUpInBackground(boolean lenient) {
        if (WARM.putIfAbsent(String.valueOf(lenient), Boolean.TRUE) != null) {
            return;
        }
        Thread warm = new Thread(() -> {
            for (Operation operation : Operation.values()) {
                try {
                    warmUp(operation, get(operation.document(), lenient));
                } catch (RuntimeException failed) {
                    LOG.warn("warming up the check of {} failed (requests still get checked)", operation.id(), failed);
                }
            }
        }, "ota-contract-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** Sends the operation's request examples (or a request without body) through the check; the outcome is dropped. */
    private static void warmUp(Operation operation, ContractCheck check) {
        io.swagger.v3.oas.models.Operation spec = OpenApiContract.load(operation.document())
                .operation(operation.path(), operation.method()).orElseThrow();
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("action", List.of(operation.action()));
        spec.getParameters().stream().filter(p -> "query".equals(p.getIn()) && !p.getName().equals("action"))
                .forEach(p -> query.put(p.getName(), List.of("warm-up")));
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"));
        MediaType json = spec.getRequestBody() == null ? null
                : spec.getRequestBody().getContent().get("application/json");
        Map<String, Example> examples = json == null || json.getExamples() == null ? Map.of() : json.getExamples();
        if (examples.isEmpty()) {
            attempt(check, new HttpRequest(operation.method(), operation.path(), query, headers, null));
        }
        for (Example example : examples.values()) {
            attempt(check, new HttpRequest(operation.method(), operation.path(), query, headers,
                    Json.write(example.getValue())));
        }
    }

    private static void attempt(ContractCheck check, HttpRequest request) {
        try {
            check.check(request);
        } catch (ContractViolation expected) {
            // a warm-up request may break a rule (made-up ids); the validator ran all the same
        }
    }
}
