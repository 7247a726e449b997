package io.enoskit.ota.conformance;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.SpecExchangeFilter;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The rest-assured filter that checks each exchange of a scenario against its operation's spec document. It never
 * fails a step itself: the answer's breaches go to the world, so that a spec error on an undocumented detail never
 * masks the rule the scenario is about. Only a request of the kit's own that breaks the spec fails at once.
 */
final class ExchangeCheckFilter implements Filter {
    private final RunValidators validators;
    private final ConformanceWorld world;
    private final boolean deliberatelyInvalid;

    ExchangeCheckFilter(RunValidators validators, ConformanceWorld world, boolean deliberatelyInvalid) {
        this.validators = validators;
        this.world = world;
        this.deliberatelyInvalid = deliberatelyInvalid;
    }

    /**
     * Sends the request, then hands the answer's breaches (ERROR) and open points (WARN) to the world, where a step
     * about the documented shape asserts them and any other step's become observations.
     *
     * @throws AssertionError when the kit's own request breaks the spec (a bug of the kit), unless the scenario
     *                        sends it wrong on purpose ({@code deliberatelyInvalid})
     */
    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Object action = request.getQueryParams().get("action");
        Optional<Operation> operation = Operation.of(request.getMethod(), URI.create(request.getURI()).getPath(),
                action == null ? "" : action.toString());
        Response response = context.next(request, responseSpec);
        if (operation.isEmpty()) {
            return response;
        }
        ValidationReport report = validators.validator(operation.get().document(), !deliberatelyInvalid)
                .validate(SpecExchangeFilter.request(request), SpecExchangeFilter.response(response));
        List<String> requestErrors = messages(report, Level.ERROR, true);
        if (!requestErrors.isEmpty()) {
            throw new AssertionError("the kit's own request breaks the spec (a bug of the kit, not of the target): "
                    + String.join("; ", requestErrors));
        }
        world.checkedAgainstSpec(operation.get(), messages(report, Level.ERROR, false),
                messages(report, Level.WARN, false));
        return response;
    }

    private static List<String> messages(ValidationReport report, Level level, boolean requestSide) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == level)
                .filter(message -> message.getKey().startsWith("validation.request") == requestSide)
                .map(ValidationReport.Message::getMessage)
                .toList();
    }
}
