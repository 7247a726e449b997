package io.enoskit.ota.domain;

import io.enoskit.ota.model.CreateOtaJobRequest;

/**
 * A Create OTA Job body as the spec check judged it: decoded, or refused. The refusal is raised when the
 * {@code request} step of {@code create.checkOrder} comes, so that a profile may look the firmware up first.
 *
 * @param body    the decoded body, or null when refused
 * @param refusal the spec check's 99400, or null when the body passed
 */
public record CreateRequest(CreateOtaJobRequest body, RuntimeException refusal) {

    /** A body that passed the spec. */
    public static CreateRequest valid(CreateOtaJobRequest body) {
        return new CreateRequest(body, null);
    }

    /** A request the spec refused, with the refusal to raise. */
    public static CreateRequest refused(RuntimeException refusal) {
        return new CreateRequest(null, refusal);
    }
}
