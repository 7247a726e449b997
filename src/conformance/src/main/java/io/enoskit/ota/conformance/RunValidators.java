package io.enoskit.ota.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.enoskit.ota.contract.AnswerLevels;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.profile.EnosVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The openapi-request-validator instances of one conformance run, one per spec document and mode, built on first
 * use with the levels of {@link AnswerLevels}: a WARN is what the pages leave open (an observation), an ERROR a
 * breach of a documented shape.
 */
final class RunValidators {
    private final Map<String, OpenApiInteractionValidator> validators = new HashMap<>();

    private final EnosVersion release;

    /**
     * @param release the EnOS release checked: each document is read as it has it ({@link OpenApiContract#load(String,
     *                EnosVersion)}), so a field of a later release in an answer is a field the schema does not
     *                define, reported as an observation (WARN), never a failure
     */
    RunValidators(EnosVersion release) {
        this.release = release;
    }

    /**
     * The validator of a document; with {@code checkRequest} false (requests sent wrong on purpose) the request side
     * is ignored and only the answer is checked.
     */
    synchronized OpenApiInteractionValidator validator(String document, boolean checkRequest) {
        return validators.computeIfAbsent(document + (checkRequest ? "" : "#response-only"),
                key -> OpenApiContract.load(document, release).validator(AnswerLevels.of(checkRequest)));
    }
}
