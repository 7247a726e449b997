package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.domain.DefaultState;
import io.enoskit.ota.domain.JobIdGenerator;
import io.enoskit.ota.domain.OtaStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the mock's object graph once per server: the default state (from the root dir's
 * {@code ota-state.json}), the store, the contract check (spec parsed once), and the extensions that share them.
 */
public final class OtaMockExtensions implements ExtensionFactory {
    private final boolean lenient;
    private final long maxBodyBytes;
    private final GatewayAuth gatewayAuth;
    private volatile OtaStore store;

    /**
     * @param lenient      when true, unknown body fields are accepted instead of answered with 99400
     * @param maxBodyBytes the largest request body accepted, in bytes
     * @param gatewayAuth  how API calls authenticate ({@link GatewayAuthFilter})
     */
    public OtaMockExtensions(boolean lenient, long maxBodyBytes, GatewayAuth gatewayAuth) {
        this.lenient = lenient;
        this.maxBodyBytes = maxBodyBytes;
        this.gatewayAuth = gatewayAuth;
    }

    @Override
    public List<Extension> create(WireMockServices services) {
        DefaultState state = StateFile.read(services.getOptions().filesRoot());
        store = new OtaStore(state, new JobIdGenerator(), Clock.systemUTC());
        ContractCheck contract = new ContractCheck(OpenApiContract.load(), lenient);
        GatewayTokens tokens = new GatewayTokens(state.apps(), Clock.systemUTC());
        List<Extension> extensions = new ArrayList<>();
        if (gatewayAuth != GatewayAuth.OFF) {
            extensions.add(new GatewayAuthFilter(tokens, gatewayAuth == GatewayAuth.ENOS_CLIENT));
        }
        extensions.add(new ApimTokenTransformer(tokens));
        extensions.addAll(List.of(
                new BodySizeLimitFilter(maxBodyBytes),
                new CreateOtaJobTransformer(contract, store),
                new GetOtaJobTransformer(contract, store),
                new OtaJobActionTransformer(
                        new ContractCheck(OpenApiContract.load(OpenApiContract.ACTIONS_RESOURCE), lenient), store),
                new UnmatchedRequestTransformer(contract),
                new OtaAdminApiExtension(store, state.maxAllowedForVerification())));
        return extensions;
    }

    /** The store the extensions share, once WireMock has asked for them (at server construction). */
    OtaStore store() {
        if (store == null) {
            throw new IllegalStateException("the extensions have not been created yet");
        }
        return store;
    }
}
