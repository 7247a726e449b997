package io.enoskit.ota.contract;

import io.enoskit.ota.profile.EnosVersion;
import java.util.Objects;

/**
 * One rule a vendor page states, as the spec catalogues it under {@code x-enos-rules}: the conformance features
 * guard each with at least one scenario, in a Gherkin {@code Rule:} whose title starts with the id.
 *
 * @param id     short, stable, upper case ({@code CREATE-24404})
 * @param rule   the rule in one sentence
 * @param source the vendor page and section it comes from
 * @param since  the EnOS release it holds from ({@code x-enos-since}; the oldest release the kit covers without it)
 */
public record DocumentedRule(String id, String rule, String source, EnosVersion since) {
    public DocumentedRule {
        Objects.requireNonNull(since, "since");
    }

    /** A rule of every release the kit covers. */
    public DocumentedRule(String id, String rule, String source) {
        this(id, rule, source, EnosVersion.values()[0]);
    }
}
