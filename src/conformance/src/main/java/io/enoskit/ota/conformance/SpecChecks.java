package io.enoskit.ota.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.enoskit.ota.contract.AnswerLevels;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.profile.EnosVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The openapi-request-validator instances of a run, one per spec document and mode, built on first use, with the
 * levels of {@link AnswerLevels} (what the pages leave open is a WARN, reported as an observation; an ERROR is a
 * breach of a documented shape). In the mode for requests sent wrong on purpose, the request side is ignored and
 * only the answer is checked.
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
        return validators.computeIfAbsent(document + (checkRequest ? "" : "#response-only"),
                key -> OpenApiContract.load(document, release).validator(AnswerLevels.of(checkRequest)));
    }
}
