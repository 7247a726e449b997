package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.domain.OtaError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults and delays the mock adds to its operations ({@link FaultRule}), set through the admin API
 * ({@code /__admin/ota/faults}), {@link OtaMockServer#faults()} or {@code mock --fault}. The first rule that covers a
 * call and draws it (its share) decides; a rule limited to N calls ends after them. Cleared by a reset.
 * Thread-safe: every method holds this object's lock, except that a call finds no rule by one volatile read.
 */
public final class FaultPlan {
    private final List<Entry> rules = new ArrayList<>();

    /** True when there is no rule: read without the lock by every call, written under it. */
    private volatile boolean none = true;

    /** A rule and the calls it may still affect (null: no limit). */
    private static final class Entry {
        final FaultRule rule;
        Integer left;

        Entry(FaultRule rule) {
            this.rule = rule;
            this.left = rule.calls();
        }
    }

    /** What the plan does to one call: a fault answered instead of the operation, and a delay in ms. */
    record Decision(FaultRule.Fault fault, int delayMs) {
    }

    /**
     * Adds a rule after the ones there are.
     *
     * @throws IllegalArgumentException when the rule has neither a fault nor a delay
     */
    public synchronized FaultPlan add(FaultRule rule) {
        if (!rule.hasEffect()) {
            throw new IllegalArgumentException("a fault rule needs a fault, a delay, or both");
        }
        rules.add(new Entry(rule));
        none = false;
        return this;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
        none = true;
    }

    /** The rules in force, in order, with the calls they may still affect in {@code calls}. */
    public synchronized List<FaultRule> rules() {
        List<FaultRule> listed = new ArrayList<>();
        for (Entry entry : rules) {
            FaultRule rule = entry.rule;
            listed.add(new FaultRule(rule.operation(), rule.fault(), rule.delayMs(), rule.delayMaxMs(), rule.share(),
                    entry.left));
        }
        return listed;
    }

    /**
     * What happens to a call of the operation; empty when no rule covers it or none draws it. Without rules (the
     * usual case) the calls do not queue for the plan's lock.
     */
    Optional<Decision> decide(Operation operation) {
        return none ? Optional.empty() : decideLocked(operation);
    }

    private synchronized Optional<Decision> decideLocked(Operation operation) {
        for (Entry entry : rules) {
            FaultRule rule = entry.rule;
            if (!rule.covers(operation) || (rule.share() < 1 && ThreadLocalRandom.current().nextDouble() >= rule.share())) {
                continue;
            }
            if (entry.left != null && --entry.left == 0) {
                rules.remove(entry);
                none = rules.isEmpty();
            }
            int delay = rule.delayMaxMs() == null ? rule.delayMs()
                    : ThreadLocalRandom.current().nextInt(rule.delayMs(), rule.delayMaxMs() + 1);
            return Optional.of(new Decision(rule.fault(), delay));
        }
        return Optional.empty();
    }

    /** The answer a fault gives instead of the operation's. */
    static ResponseDefinition answer(FaultRule.Fault fault, EnvelopeResponses responses) {
        return switch (fault) {
            case HTTP_500 -> responses.envelope(500, responses.error(OtaError.INTERNAL_ERROR));
            case HTTP_502 -> gateway(502, "Bad Gateway");
            case HTTP_503 -> gateway(503, "Service Unavailable");
            case HTTP_429 -> gateway(429, "too many requests");
            case CONNECTION_RESET -> ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE -> ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.EMPTY_RESPONSE).build();
            case MALFORMED_RESPONSE -> ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.MALFORMED_RESPONSE_CHUNK).build();
        };
    }

    /** An answer of the gateway itself, in the shape of its authentication errors (the body is not documented). */
    private static ResponseDefinition gateway(int status, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("msg", msg);
        return EnvelopeResponses.json(status, body);
    }
}
