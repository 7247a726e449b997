package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.WriteEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cucumber plugin that ends a run with a one-screen summary: passed / failed / skipped per feature, the failed
 * scenarios with their first line of error, the skip reasons, the observations on undocumented behaviour (listed
 * apart from failures) and the jobs the run left on a real target.
 *
 * <p>Use: {@code --plugin io.enoskit.ota.conformance.ConformanceSummary:target/cucumber/summary.txt}. It prints
 * the summary and writes it to that file, and writes beside it {@code scenarios.tsv}: one line per scenario,
 * {@code status<TAB>feature<TAB>scenario<TAB>reason}.
 */
public final class ConformanceSummary implements ConcurrentEventListener {
    private static final Pattern FEATURE_NAME = Pattern.compile("(?m)^\\s*Feature:\\s*(.+)$");
    private final Path file;
    private final Map<URI, String> featureNames = new LinkedHashMap<>();
    private final Map<String, Map<Status, Integer>> counts = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> skips = new LinkedHashSet<>();
    private final Set<String> observations = new LinkedHashSet<>();

    /** @param file where to write the summary; {@code scenarios.tsv} goes beside it */
    public ConformanceSummary(String file) {
        this.file = Path.of(file);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> CreatedJobs.clear());
        publisher.registerHandlerFor(TestSourceRead.class, this::sourceRead);
        publisher.registerHandlerFor(WriteEvent.class, this::written);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> runFinished());
    }

    private synchronized void sourceRead(TestSourceRead event) {
        Matcher name = FEATURE_NAME.matcher(event.getSource());
        featureNames.put(event.getUri(), name.find() ? name.group(1).trim() : event.getUri().toString());
    }

    private synchronized void written(WriteEvent event) {
        if (event.getText().startsWith(Hooks.OBSERVATION)) {
            observations.add(event.getText().substring(Hooks.OBSERVATION.length()) + "  [" 
                    + event.getTestCase().getName() + "]");
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        String feature = featureNames.getOrDefault(event.getTestCase().getUri(), event.getTestCase().getUri().toString());
        Status status = event.getResult().getStatus();
        counts.computeIfAbsent(feature, f -> new EnumMap<>(Status.class)).merge(status, 1, Integer::sum);
        String scenario = event.getTestCase().getName();
        Throwable error = event.getResult().getError();
        String reason = error == null ? "" : firstLine(error.getMessage());
        rows.add(status + "\t" + feature + "\t" + scenario + "\t" + reason);
        if (status == Status.FAILED) {
            failures.add(scenario + " (" + feature + "): " + reason);
        } else if (status == Status.SKIPPED && !reason.isEmpty()) {
            skips.add(reason);
        }
    }

    private synchronized void runFinished() {
        List<String> lines = new ArrayList<>();
        lines.add("EnOS OTA Job API conformance: " + TargetConfig.current().describe().get("target"));
        lines.add(String.format("%-45s %6s %6s %7s", "feature", "passed", "failed", "skipped"));
        int[] total = new int[3];
        counts.forEach((feature, byStatus) -> {
            int passed = byStatus.getOrDefault(Status.PASSED, 0);
            int failed = byStatus.getOrDefault(Status.FAILED, 0) + byStatus.getOrDefault(Status.UNDEFINED, 0)
                    + byStatus.getOrDefault(Status.AMBIGUOUS, 0) + byStatus.getOrDefault(Status.PENDING, 0);
            int skipped = byStatus.getOrDefault(Status.SKIPPED, 0);
            total[0] += passed;
            total[1] += failed;
            total[2] += skipped;
            lines.add(String.format("%-45s %6d %6d %7d", abbreviate(feature, 45), passed, failed, skipped));
        });
        lines.add(String.format("%-45s %6d %6d %7d", "all", total[0], total[1], total[2]));
        section(lines, "Failures (documented behaviour not met)", failures);
        section(lines, "Skipped, and why", skips);
        section(lines, "Observations (undocumented behaviour; not failures)", observations);
        section(lines, "Jobs created on the target and removed again (Stop, then Delete OTA Job)", CreatedJobs.removed());
        section(lines, "Jobs created on the target that the kit could NOT remove (remove them by hand)",
                CreatedJobs.notRemoved());
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.print(System.lineSeparator() + text);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.write(dir.resolve("scenarios.tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(List<String> lines, String title, java.util.Collection<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(title + ":");
        items.forEach(item -> lines.add("  - " + item));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
