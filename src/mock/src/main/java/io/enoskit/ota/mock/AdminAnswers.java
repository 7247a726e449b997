package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.enoskit.ota.domain.OtaRuleException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How every admin route answers: plain JSON (not the EnOS envelope), and one mapping from the kit's exceptions to
 * the status of an {@code {"error": String}} answer.
 */
final class AdminAnswers {
    private AdminAnswers() {
    }

    /**
     * 200 with the task's value as JSON; 404 for an {@link OtaRuleException} (an unknown org, job or firmware), 409 for
     * an {@link IllegalStateException} (a job of the wrong type), 400 for an {@link IllegalArgumentException} (a bad
     * body or parameter, {@link AdminRequests}) or a {@link ClassCastException}.
     */
    static ResponseDefinition answer(Supplier<Object> task) {
        try {
            return EnvelopeResponses.json(200, task.get());
        } catch (OtaRuleException notFound) {
            return error(404, notFound.getMessage());
        } catch (IllegalStateException conflict) {
            return error(409, conflict.getMessage());
        } catch (IllegalArgumentException | ClassCastException badBody) {
            return error(400, String.valueOf(badBody.getMessage()));
        }
    }

    /** {@code {"error": message}} with the given HTTP status. */
    static ResponseDefinition error(int status, String message) {
        return EnvelopeResponses.json(status, Map.of("error", message));
    }
}
