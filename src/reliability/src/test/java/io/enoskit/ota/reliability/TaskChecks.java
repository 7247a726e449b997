package io.enoskit.ota.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conservation of a job's device tasks, read from {@code GET /__admin/ota/orgs/{org}/jobs/{jobId}/tasks}
 * ({@code {"tasks": [TaskInfo], "counts": {"init": n, ...}}}): once started, a job has exactly one task per device it
 * names, every task in exactly one of the statuses of {@code ota-task-search.yaml} (init, published, upgrading,
 * succeeded, failed), the counts equal to the list, and each task's progress from 0 to 100, or -1 on a failed task
 * ({@code TaskInfo.progress}: "0 to 100; negative when the task failed").
 */
final class TaskChecks {
    static final List<String> STATUSES = List.of("init", "published", "upgrading", "succeeded", "failed");

    private TaskChecks() {
    }

    /**
     * The problems with one job's tasks (empty when none).
     *
     * @param answer  the admin route's answer
     * @param devices the devices the job names (distinct); null to check only the list against itself
     */
    static List<String> problems(JsonNode answer, Collection<String> devices) {
        List<String> problems = new ArrayList<>();
        JsonNode tasks = answer.path("tasks");
        JsonNode counts = answer.path("counts");
        if (!tasks.isArray() || !counts.isObject()) {
            problems.add("no tasks array or counts object: " + shorten(answer.toString()));
            return problems;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        STATUSES.forEach(s -> seen.put(s, 0));
        Set<String> keys = new HashSet<>();
        for (JsonNode task : tasks) {
            String key = task.path("deviceKey").asText(null);
            String status = task.path("status").asText("");
            if (key == null || !keys.add(key)) {
                problems.add("device " + key + " has more than one task (or none named)");
            }
            if (!seen.containsKey(status)) {
                problems.add("task of " + key + " in status '" + status + "', not one of " + STATUSES);
            } else {
                seen.merge(status, 1, Integer::sum);
            }
            JsonNode progress = task.path("progress");
            if (!progress.isNull() && !progress.isMissingNode()) {
                int p = progress.asInt();
                if (!progress.isIntegralNumber() || (p < 0 || p > 100) && !(p == -1 && status.equals("failed"))) {
                    problems.add("task of " + key + " (" + status + ") has progress " + progress);
                }
            }
        }
        long total = 0;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) counts::fields) {
            if (!STATUSES.contains(field.getKey())) {
                problems.add("counts has a status '" + field.getKey() + "'");
            }
            total += field.getValue().asLong();
            Integer listed = seen.get(field.getKey());
            if (listed != null && listed != field.getValue().asInt()) {
                problems.add("counts says " + field.getValue() + " " + field.getKey() + ", the list has " + listed);
            }
        }
        if (total != tasks.size()) {
            problems.add("counts add up to " + total + ", the list has " + tasks.size() + " tasks");
        }
        if (devices != null) {
            if (tasks.size() != devices.size()) {
                problems.add(tasks.size() + " tasks for " + devices.size() + " devices");
            }
            Set<String> missing = new HashSet<>(devices);
            missing.removeAll(keys);
            if (!missing.isEmpty()) {
                problems.add("no task for " + missing.size() + " devices, e.g. " + missing.iterator().next());
            }
        }
        return problems;
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
