package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.ObjectReader;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import java.util.Map;

import static io.enoskit.ota.mock.AdminAnswers.answer;

/**
 * The admin routes of the fault and delay rules ({@link FaultPlan}); each answers {@code {"faults": [FaultRule]}},
 * the rules in force after it. Paths are relative to {@code /__admin/ota}; the table is in
 * {@link OtaAdminApiExtension}.
 */
final class FaultRoutes {
    private static final ObjectReader FAULT = AdminRequests.reader(FaultRule.class);
    private final FaultPlan faults;

    FaultRoutes(FaultPlan faults) {
        this.faults = faults;
    }

    /** GET /faults: the rules in force. */
    AdminTask listFaults() {
        return (admin, event, params) -> answer(this::rules);
    }

    /** POST /faults: adds a rule, the body a {@link FaultRule}. */
    AdminTask addFault() {
        return (admin, event, params) -> answer(() -> {
            faults.add(AdminRequests.read(FAULT, event.getRequest(), params, "fault rule"));
            return rules();
        });
    }

    /** DELETE /faults: removes every rule. */
    AdminTask clearFaults() {
        return (admin, event, params) -> answer(() -> {
            faults.clear();
            return rules();
        });
    }

    private Map<String, Object> rules() {
        return Map.of("faults", faults.rules());
    }
}
