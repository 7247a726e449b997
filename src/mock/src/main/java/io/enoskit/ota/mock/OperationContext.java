package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.profile.BehaviourProfile;

/**
 * What every operation of one mock shares: its fault rules, its envelopes, its routing, and the behaviour profile's
 * decisions that apply to every operation (foreign organizations, a search's default page size). Built once per
 * server by {@link MockWiring}.
 *
 * @param faults    the fault and delay rules in force
 * @param responses the envelopes of the profile in force
 * @param routes    which operation a request names
 * @param profile   the behaviour profile in force
 * @param store     the state, asked which organizations exist
 */
record OperationContext(FaultPlan faults, EnvelopeResponses responses, OperationRoutes routes,
                        BehaviourProfile profile, OtaStore store) {

    /**
     * Whether the call's organization is refused with 99403 ({@code organizations.foreign: denied}): one the state
     * does not know (no firmware, device or job in it). With {@code not-found} every organization is served, an
     * unknown one as empty.
     */
    boolean deniesOrganization(String orgId) {
        return orgId != null && profile.deniesForeignOrganizations() && !store.knowsOrganization(orgId);
    }

    /**
     * A search's body as the search operations read it, with {@code search.defaultPageSize} where it sends no page
     * size.
     *
     * @throws ContractViolation 99400 on {@code expression} when it cannot be read
     */
    SearchBody searchBody(ValidRequest call, SearchFields<?> fields) {
        return SearchBody.read(call, fields, profile.searchPageSize());
    }
}
