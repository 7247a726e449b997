package io.enoskit.ota.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.profile.EnosVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The openapi-request-validator instances of a run, one per spec document and mode, built on first use. Levels are
 * configuration: what the vendor pages leave open is a WARN (an HTTP status the spec does not list; response fields
 * it does not list), reported as an observation; an ERROR is a breach of a documented shape. In the mode for
 * requests sent wrong on purpose, the request side is ignored and only the answer is checked.
 */
final class SpecChecks {
    private final Map<String, OpenApiInteractionValidator> validators = new HashMap<>();

    private final EnosVersion release;

    /**
     * @param release the EnOS release checked: each document is read as it has it ({@link OpenApiContract#load(String,
     *                EnosVersion)}), so a field of a later release in an answer is a field the schema does not
     *                define, reported as an observation (WARN), never a failure
     */
    SpecChecks(EnosVersion release) {
        this.release = release;
    }

    synchronized OpenApiInteractionValidator validator(String document, boolean checkRequest) {
        return validators.computeIfAbsent(document + (checkRequest ? "" : "#response-only"), key -> {
            LevelResolver.Builder levels = LevelResolver.create()
                    .withLevel("validation.response.status.unknown", Level.WARN)
                    .withLevel("validation.response.body.schema.additionalProperties", Level.WARN)
                    .withLevel(ContractCheck.GATEWAY_CREDENTIALS_KEY, Level.IGNORE);
            if (!checkRequest) {
                levels.withLevel("validation.request", Level.IGNORE);
            }
            return OpenApiContract.load(document, release).validator(levels.build());
        });
    }
}
