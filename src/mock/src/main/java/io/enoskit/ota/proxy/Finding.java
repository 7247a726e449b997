package io.enoskit.ota.proxy;

/**
 * What one exchange showed about the target, against the spec or a documented rule.
 *
 * @param kind      a breach of what the pages document, or an observation of what they leave open
 * @param id        the rule id of {@code x-enos-rules} ({@code GET-24404}, the same as {@code conform}'s), or for a
 *                  breach of a documented shape the spec location ({@code spec/ota-jobs.yaml#/components/schemas/JobId/type})
 * @param location  where in the spec the rule or shape is written: file and line, for SARIF and the reports
 * @param operation the operation's short name ({@code get-job}), from the request's path, method and action
 * @param field     the field of the answer, dotted ({@code data.jobId}, {@code msg}), or {@code status}
 * @param expected  what the spec or rule asks, in words
 * @param actual    what came (credentials masked)
 */
public record Finding(Kind kind, String id, SpecLocation location, String operation, String field, String expected,
                      String actual) {
    /** How a finding counts. */
    public enum Kind {
        /** A breach of a documented rule or shape: the target differs from what the vendor pages state. */
        FINDING,
        /** What the pages leave open, as the target decided it (an HTTP status, an extra field, a message format). */
        OBSERVATION
    }

    Finding withActual(String masked) {
        return new Finding(kind, id, location, operation, field, expected, masked);
    }

    Finding withExpected(String masked) {
        return new Finding(kind, id, location, operation, field, masked, actual);
    }
}
