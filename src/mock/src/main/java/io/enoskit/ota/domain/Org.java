package io.enoskit.ota.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One organization's state: its firmware, devices and jobs in the order added, and the runs of its started jobs by
 * jobId. The maps change; what they hold is immutable (records), except the runs, which never leave the store. Not
 * thread-safe: only the store's parts use it, under the store's lock.
 */
final class Org {
    final Map<String, Firmware> firmwares = new LinkedHashMap<>();
    final Map<String, Device> devices = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, JobRun> runs = new HashMap<>();
}
