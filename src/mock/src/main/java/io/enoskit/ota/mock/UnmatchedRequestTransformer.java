package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers every request that no operation's stub mapping took (the catch-all stub mapping, lowest priority),
 * so that a wrong {@code action}, path or method still gets an EnOS envelope saying why: 99400 naming the
 * {@code action} and the actions of that path and method when the path and method are the API's, or 99404
 * (HTTP 404) when no operation has that path and method.
 * Stub mappings name it as {@value #NAME}. Built by {@link OtaMockExtensions}; do not register it alone.
 */
public final class UnmatchedRequestTransformer extends OperationTransformer {
    public static final String NAME = "enos-unmatched-request";

    UnmatchedRequestTransformer(java.util.function.Supplier<ContractCheck> contract) {
        super(NAME, contract, new FaultPlan());
    }

    @Override
    Object respond(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String method = request.getMethod().getName();
        List<String> actions = Arrays.stream(Operation.values())
                .filter(op -> op.path().equals(path) && op.method().equalsIgnoreCase(method))
                .map(op -> "\"" + op.action() + "\"").toList();
        if (actions.isEmpty()) {
            return super.respond(request);
        }
        QueryParameter action = Urls.splitQueryFromUrl(url).get("action");
        String listed = actions.stream().collect(Collectors.joining(", ", "[", "]"));
        String rule = action == null || !action.isPresent()
                ? "is mandatory but missing (the actions of " + method + " " + path + " are " + listed + ")"
                : "value '" + action.firstValue() + "' is not one of the actions of " + method + " " + path + ": "
                + listed;
        throw new ContractViolation(List.of(new Violation("action", rule)), false);
    }

    @Override
    Object serve(ValidRequest call) {
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping serves this path and method;"
                + " the API's operations are POST and GET on " + Operation.JOBS + " and " + Operation.FIRMWARES)),
                true);
    }
}
