package io.enoskit.ota.contract;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport.Level;

/**
 * How a check of a target's answers counts the validator's messages, shared by {@code conform} and the validating
 * proxy so that both judge an answer alike. What the vendor pages leave open is a WARN (an HTTP status the spec does
 * not list; answer fields it does not list), reported as an observation; an ERROR is a breach of a documented shape.
 * Gateway credentials are never the answer's concern.
 */
public final class AnswerLevels {
    private AnswerLevels() {
    }

    /**
     * @param checkRequest false to ignore the request side (requests sent wrong on purpose, or requests of a client
     *                     the kit does not judge): only the answer is checked
     */
    public static LevelResolver of(boolean checkRequest) {
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel("validation.response.status.unknown", Level.WARN)
                .withLevel("validation.response.body.schema.additionalProperties", Level.WARN)
                .withLevel(ContractCheck.GATEWAY_CREDENTIALS_KEY, Level.IGNORE);
        if (!checkRequest) {
            levels.withLevel("validation.request", Level.IGNORE);
        }
        return levels.build();
    }
}
