package io.enoskit.ota.contract;

/**
 * One rule a vendor page states, as the spec catalogues it under {@code x-enos-rules}: the conformance features
 * guard each with at least one scenario, in a Gherkin {@code Rule:} whose title starts with the id.
 *
 * @param id     short, stable, upper case ({@code CREATE-24404})
 * @param rule   the rule in one sentence
 * @param source the vendor page and section it comes from
 */
public record DocumentedRule(String id, String rule, String source) {
}
