package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.profile.BehaviourProfile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which operation a request names, by path, {@code action} and HTTP method: the one routing place of the mock. The
 * methods each action accepts are the behaviour profile's ({@code methods.get}, {@code methods.getFirmware},
 * {@code methods.otherActions}); the default takes Get OTA Job as GET (the page) and as POST (the official Python
 * sample, sample-code-python {@code getOTAJob.py}, sends it as POST with the body {@code {}}). The stub mappings take
 * every method ({@code "method": "ANY"}) and leave the choice to this class, so a profile alone decides.
 */
final class OperationRoutes {
    /** The methods the profile takes for each operation, read from it once (every request asks). */
    private final Map<Operation, Set<String>> methods = new EnumMap<>(Operation.class);

    OperationRoutes(BehaviourProfile profile) {
        for (Operation operation : Operation.values()) {
            methods.put(operation, profile.methods(operation.action(), Operation.FIRMWARES.equals(operation.path())));
        }
    }

    /** The operation a request names, when its method is one the profile accepts for it. */
    Optional<Operation> operation(Request request) {
        return operation(request.getMethod().getName(), Urls.getPath(request.getUrl()), action(request).orElse(""));
    }

    /** The operation on {@code path} with {@code action}, when the profile accepts {@code method} for it. */
    Optional<Operation> operation(String method, String path, String action) {
        for (Operation operation : Operation.values()) {
            if (operation.path().equals(path) && operation.action().equals(action) && accepts(operation, method)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /** Whether the profile lets {@code method} reach the operation. */
    boolean accepts(Operation operation, String method) {
        return methods.get(operation).contains(method);
    }

    /**
     * Why a request names no operation, as a 99400 naming the {@code action} and the actions the path takes by that
     * method (the profile's), when the path takes some by it.
     *
     * @return empty when no operation has that path and method (the spec check then answers 99404)
     * @throws ContractViolation 99400 on {@code action} otherwise
     */
    Optional<ContractViolation> refusal(Request request) {
        String url = request.getUrl();
        String path = Urls.getPath(url);
        String method = request.getMethod().getName();
        List<String> actions = Arrays.stream(Operation.values())
                .filter(operation -> operation.path().equals(path) && accepts(operation, method))
                .map(operation -> "\"" + operation.action() + "\"").distinct().toList();
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> action = action(request);
        String listed = actions.stream().collect(Collectors.joining(", ", "[", "]"));
        String rule = action.isEmpty()
                ? "is mandatory but missing (the actions of " + method + " " + path + " are " + listed + ")"
                : "value '" + action.get() + "' is not one of the actions of " + method + " " + path + ": " + listed;
        return Optional.of(new ContractViolation(List.of(new Violation("action", rule)), false));
    }

    /**
     * The operation a request's path and action name, when the profile does not take the request's method for it
     * (a POST get on a profile with {@code methods.get: [GET]}); empty when the action names none on that path.
     */
    Optional<Operation> byOtherMethod(Request request) {
        String path = Urls.getPath(request.getUrl());
        Optional<String> action = action(request);
        return Arrays.stream(Operation.values())
                .filter(operation -> operation.path().equals(path) && action.isPresent()
                        && operation.action().equals(action.get()))
                .findFirst();
    }

    /** The request's {@code action}, from the query WireMock parsed once for the request. */
    private static Optional<String> action(Request request) {
        QueryParameter action = request.queryParameter("action");
        return action == null || !action.isPresent() ? Optional.empty() : Optional.of(action.firstValue());
    }
}
