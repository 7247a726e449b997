package io.enoskit.ota.domain;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The organizations' firmware: added, uploaded (Create Firmware File), read, searched, deleted, verified. Firmware
 * records are immutable; verifying one replaces it. Not thread-safe: the store calls it under its lock.
 */
final class FirmwareShelf {
    private final StoreState state;
    private final Clock clock;
    private final boolean onlyStartedJobsKeepFirmware;
    /** Firmware ids keep the samples' form (24 hex characters) whatever {@code ids.jobId} says. */
    private final JobIdGenerator firmwareIds = new JobIdGenerator();

    /** @param onlyStartedJobsKeepFirmware {@code firmware.deleteBlockedBy: started-job} */
    FirmwareShelf(StoreState state, Clock clock, boolean onlyStartedJobsKeepFirmware) {
        this.state = state;
        this.clock = clock;
        this.onlyStartedJobsKeepFirmware = onlyStartedJobsKeepFirmware;
    }

    /** Adds the firmware, or replaces the one with the same org and id; without a createTime it gets the clock's. */
    void put(Firmware firmware) {
        state.orCreate(firmware.orgId()).firmwares.put(firmware.firmwareId(), firmware.createdAt(clock.millis()));
        state.changed();
    }

    /**
     * Get Firmware File.
     *
     * @throws OtaRuleException 24404 "Firmware not found" when the org has no such firmware
     */
    Firmware get(Org org, String firmwareId) {
        Firmware firmware = org == null ? null : org.firmwares.get(firmwareId);
        if (firmware == null) {
            throw new OtaRuleException(OtaError.FIRMWARE_NOT_FOUND);
        }
        return firmware;
    }

    /** Search Firmware File: the org's firmware that matches, newest {@code createTime} first (documented). */
    Page<Firmware> search(Org org, SearchExpression expression, int pageNo, int pageSize) {
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        List<Firmware> matches = new ArrayList<>();
        for (Firmware firmware : org.firmwares.values()) {
            if (expression.matches(SearchFields.FIRMWARE.valuesOf(firmware))) {
                matches.add(firmware);
            }
        }
        return Page.of(CreateTimeOrder.newestFirst(matches, Firmware::createTime), pageNo, pageSize);
    }

    /**
     * Create Firmware File: stores the firmware, unverified, under a new {@code firmwareId}.
     *
     * @param draft the firmware under the id given (its org, product and name are what the rule reads)
     * @return the stored firmware
     * @throws ContractViolation 99400 naming {@code metadata.name} when a firmware of the org with the same product
     *                           already has that name (documented: unique per product, 2.4.0; the code is inferred)
     */
    Firmware create(Function<String, Firmware> draft) {
        String firmwareId = firmwareIds.next(clock.millis());
        Firmware firmware = draft.apply(firmwareId);
        Org org = state.org(firmware.orgId());
        if (org != null && org.firmwares.containsKey(firmwareId)) {
            throw new IllegalStateException("firmware id " + firmwareId + " was given twice");
        }
        boolean taken = org != null && org.firmwares.values().stream().anyMatch(other ->
                Objects.equals(other.productKey(), firmware.productKey()) && other.name().equals(firmware.name()));
        if (taken) {
            throw new ContractViolation(List.of(new Violation("metadata.name", "a firmware named '" + firmware.name()
                    + "' exists already in product " + firmware.productKey() + "; names are unique per product")),
                    false);
        }
        put(firmware);
        return state.org(firmware.orgId()).firmwares.get(firmwareId);
    }

    /**
     * Delete Firmware.
     *
     * @return the deleted firmware (its file is the caller's to remove)
     * @throws OtaRuleException 24404 "Firmware not found"; 24604 "Firmware cannot be deleted" while a job of the org
     *                          names it (any job, or with {@code firmware.deleteBlockedBy: started-job} a started one)
     */
    Firmware delete(Org org, String firmwareId) {
        Firmware firmware = get(org, firmwareId);
        boolean used = org.jobs.values().stream().anyMatch(job -> firmwareId.equals(job.firmwareId())
                && (!onlyStartedJobsKeepFirmware || job.started()));
        if (used) {
            throw new OtaRuleException(OtaError.FIRMWARE_IN_USE);
        }
        org.firmwares.remove(firmwareId);
        state.changed();
        return firmware;
    }

    /**
     * Marks a verification job as completed: its firmware counts as verified from now on.
     *
     * @return the firmware, now verified
     * @throws IllegalStateException when the job is an upgrade job, or its firmware has been removed
     */
    Firmware completeVerification(Org org, Job job) {
        if (!job.verification()) {
            throw new IllegalStateException("job " + job.jobId() + " is an upgrade job; only a verification job"
                    + " completes a verification");
        }
        Firmware firmware = org.firmwares.get(job.firmwareId());
        if (firmware == null) {
            throw new IllegalStateException("firmware " + job.firmwareId() + " of job " + job.jobId()
                    + " no longer exists");
        }
        Firmware verified = firmware.verified();
        org.firmwares.put(verified.firmwareId(), verified);
        state.changed();
        return verified;
    }

    /** The SHA-256 of every uploaded file a firmware of any org names (what the file store must keep). */
    Set<String> uploadedFileDigests() {
        Set<String> digests = new HashSet<>();
        state.orgs().values().forEach(org -> org.firmwares.values().stream()
                .filter(firmware -> firmware.upload() != null)
                .forEach(firmware -> digests.add(firmware.upload().sha256())));
        return digests;
    }
}
