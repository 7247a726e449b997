package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.WriteEvent;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A Cucumber plugin that ends a run with a one-screen summary and the conformance index:
 * <ul>
 *   <li>the target, the time of the run, the settings (never a secret);</li>
 *   <li>the conformance index: how many documented rules (the spec's {@code x-enos-rules}) the run exercised,
 *       passed, failed and skipped, e.g. "rules exercised 33/35 (94%), passed 33";</li>
 *   <li>passed / failed / skipped per feature; the rules that failed with their first line of error; the skip
 *       reasons, each once; what kept the run from judging; the observations on undocumented behaviour, with
 *       their scenario; the jobs the run left on a real target.</li>
 * </ul>
 * A scenario's rule is the Gherkin {@code Rule:} it sits in, whose title starts with the rule's id.
 * Use: {@code --plugin io.enoskit.ota.conformance.ConformanceSummary:target/cucumber/summary.txt}. It prints the
 * summary, writes it to that file, and writes {@code scenarios.tsv} beside it
 * ({@code status<TAB>rule<TAB>feature<TAB>scenario<TAB>reason}).
 */
public final class ConformanceSummary implements ConcurrentEventListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Path file;
    private final ConformanceRun run;
    private final Supplier<PrintWriter> out;
    private final Map<URI, Collection<Node>> sources = new LinkedHashMap<>();
    private final Map<UUID, List<String>> observations = new LinkedHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<DocumentedRule> catalogue = OpenApiContract.allRules();
    private Instant started = Instant.now();
    private Result result;

    /** The outcome of one scenario. */
    record Outcome(Status status, String rule, String feature, String scenario, String reason,
                   List<String> observations, boolean kitError) {
        /** The target broke the scenario's rule (an assertion failed). */
        boolean failed() {
            return status == Status.FAILED && !kitError;
        }

        /** The kit could not check: a step is missing or threw something other than an assertion (a bug). */
        boolean errored() {
            return kitError || status == Status.UNDEFINED || status == Status.AMBIGUOUS || status == Status.PENDING;
        }
    }

    /**
     * What the run showed.
     *
     * @param scenarios   how many scenarios ran (or were skipped); 0 when the selection matched none
     * @param failedRules the ids of the documented rules that failed, and "unruled" scenarios' names that failed
     * @param passedRules the ids of the documented rules every exercised scenario of which passed
     * @param kitErrors   scenarios the kit could not check because of a fault of its own, with the fault
     * @param text        the summary as printed
     */
    public record Result(int scenarios, List<String> failedRules, List<String> passedRules, List<String> kitErrors,
                         String text) {
    }

    /** For Cucumber's {@code --plugin} option: the target is the in-process mock. */
    public ConformanceSummary(String file) {
        this(Path.of(file), null, () -> new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }

    /** For a runner that owns the run; the summary is printed to {@code out}. */
    public ConformanceSummary(Path file, ConformanceRun run, Supplier<PrintWriter> out) {
        this.file = file;
        this.run = run;
        this.out = out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
        publisher.registerHandlerFor(TestSourceParsed.class, this::sourceParsed);
        publisher.registerHandlerFor(WriteEvent.class, this::written);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> runFinished());
    }

    /** The result, once the run has finished; null before. */
    public synchronized Result result() {
        return result;
    }

    private synchronized void sourceParsed(TestSourceParsed event) {
        sources.put(event.getUri(), event.getNodes());
    }

    private synchronized void written(WriteEvent event) {
        if (event.getText().startsWith(ConformanceWorld.OBSERVATION)) {
            observations.computeIfAbsent(event.getTestCase().getId(), id -> new ArrayList<>())
                    .add(event.getText().substring(ConformanceWorld.OBSERVATION.length()));
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<Node> path = pathTo(testCase);
        String feature = path.isEmpty() ? testCase.getUri().toString() : path.get(0).getName().orElse("");
        String rule = path.stream().filter(node -> node instanceof Node.Rule).findFirst()
                .flatMap(Node::getName).map(name -> name.strip().split("\\s+", 2)[0]).orElse("");
        Throwable error = event.getResult().getError();
        String reason = error == null ? "" : firstLine(error instanceof Skip || error instanceof TargetSilent
                || error instanceof AssertionError ? String.valueOf(error.getMessage()) : error.toString());
        boolean kitError = event.getResult().getStatus() == Status.FAILED && !(error instanceof AssertionError);
        outcomes.add(new Outcome(event.getResult().getStatus(), rule, feature, testCase.getName(), reason,
                observations.getOrDefault(testCase.getId(), List.of()), kitError));
    }

    private List<Node> pathTo(TestCase testCase) {
        int line = testCase.getLocation().getLine();
        for (Node node : sources.getOrDefault(testCase.getUri(), List.of())) {
            Optional<List<Node>> path = node.findPathTo(candidate -> candidate.getLocation().getLine() == line
                    && (candidate instanceof Node.Scenario || candidate instanceof Node.Example));
            if (path.isPresent()) {
                return path.get();
            }
        }
        return List.of();
    }

    private synchronized void runFinished() {
        List<String> lines = new ArrayList<>();
        TargetConfig target = run == null ? TargetConfig.inProcessMock() : run.target();
        lines.add("EnOS OTA Job API conformance: " + target.describe().get("target"));
        lines.add("run at " + TIME.format(started) + "; " + settings(target));
        List<String> failedRules = new ArrayList<>();
        List<String> passedRules = new ArrayList<>();
        lines.add(index(failedRules, passedRules));
        lines.add("");
        lines.addAll(featureTable());
        section(lines, "Failures (documented rules broken)", outcomes.stream().filter(Outcome::failed)
                .map(o -> (o.rule().isEmpty() ? "" : o.rule() + ": ") + o.scenario() + " (" + o.feature() + "): "
                        + o.reason()).toList());
        List<String> kitErrors = outcomes.stream().filter(Outcome::errored)
                .map(o -> o.scenario() + ": " + (o.reason().isEmpty() ? o.status().name() : o.reason())).toList();
        section(lines, "Errors of the kit (not judgements of the target; please report them)", kitErrors);
        Map<String, Integer> skips = new LinkedHashMap<>();
        outcomes.stream().filter(o -> o.status() == Status.SKIPPED && !o.reason().isEmpty())
                .forEach(o -> skips.merge(o.reason(), 1, Integer::sum));
        section(lines, "Skipped, and why", skips.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " scenarios)" : "")).toList());
        if (run != null) {
            section(lines, "Could not judge (no answer)", run.cannotJudge());
        }
        Map<String, List<String>> observed = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            new LinkedHashSet<>(outcome.observations()).forEach(note -> observed.computeIfAbsent(note,
                    n -> new ArrayList<>()).add((outcome.rule().isEmpty() ? "" : outcome.rule() + " ")
                    + outcome.scenario()));
        }
        section(lines, "Observations (undocumented behaviour; not failures)", observed.entrySet().stream()
                .map(e -> e.getKey() + "  [" + e.getValue().get(0) + (e.getValue().size() > 1
                        ? " and " + (e.getValue().size() - 1) + " more scenarios" : "") + "]").toList());
        if (run != null) {
            section(lines, "Jobs created on the target and removed again (Stop, then Delete OTA Job)",
                    run.removedJobs());
            section(lines, "Jobs created on the target that the kit could NOT remove (remove them by hand)",
                    run.jobsLeft());
        }
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        result = new Result(outcomes.size(), List.copyOf(failedRules), List.copyOf(passedRules), kitErrors, text);
        PrintWriter printer = out.get();
        printer.print(System.lineSeparator() + text);
        printer.flush();
        write(text);
    }

    private static String settings(TargetConfig target) {
        Map<String, Object> shown = new LinkedHashMap<>(target.describe());
        shown.remove("target");
        List<String> parts = new ArrayList<>();
        shown.forEach((key, value) -> parts.add(key + " " + value));
        return String.join(", ", parts);
    }

    /** The conformance index line, filling the failed and passed rule ids. */
    private String index(List<String> failedRules, List<String> passedRules) {
        int exercised = 0;
        int skipped = 0;
        int notSelected = 0;
        for (DocumentedRule rule : catalogue) {
            List<Outcome> ofRule = outcomes.stream().filter(o -> o.rule().equals(rule.id())).toList();
            if (ofRule.isEmpty()) {
                notSelected++;
            } else if (ofRule.stream().anyMatch(o -> o.failed() || o.errored())) {
                exercised++;
                failedRules.add(rule.id());
            } else if (ofRule.stream().anyMatch(o -> o.status() == Status.PASSED)) {
                exercised++;
                passedRules.add(rule.id());
            } else {
                skipped++;
            }
        }
        outcomes.stream().filter(o -> (o.failed() || o.errored()) && o.rule().isEmpty()).map(Outcome::scenario)
                .forEach(failedRules::add);
        int total = catalogue.size();
        return String.format("rules exercised %d/%d (%d%%), passed %d, failed %d, skipped %d%s", exercised, total,
                total == 0 ? 0 : Math.round(100.0 * exercised / total), passedRules.size(),
                failedRules.size(), skipped, notSelected == 0 ? "" : ", not selected " + notSelected);
    }

    private List<String> featureTable() {
        Map<String, int[]> byFeature = new LinkedHashMap<>();
        int[] total = new int[3];
        for (Outcome outcome : outcomes) {
            int column = outcome.failed() || outcome.errored() ? 1 : outcome.status() == Status.PASSED ? 0 : 2;
            byFeature.computeIfAbsent(outcome.feature(), f -> new int[3])[column]++;
            total[column]++;
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-45s %6s %6s %7s", "feature", "passed", "failed", "skipped"));
        byFeature.forEach((feature, counts) -> lines.add(String.format("%-45s %6d %6d %7d", abbreviate(feature),
                counts[0], counts[1], counts[2])));
        lines.add(String.format("%-45s %6d %6d %7d", "all scenarios", total[0], total[1], total[2]));
        return lines;
    }

    private void write(String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> rows = new ArrayList<>();
            rows.add("status\trule\tfeature\tscenario\treason");
            outcomes.forEach(o -> rows.add(String.join("\t", o.status().name(), o.rule(), o.feature(),
                    o.scenario(), o.reason().replace('\t', ' '))));
            Files.write(dir.resolve("scenarios.tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(List<String> lines, String title, Collection<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(title + ":");
        items.forEach(item -> lines.add("  - " + item));
    }

    /** The message on one line (AssertJ puts expected and actual on lines of their own), cut at 400 characters. */
    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= 400 ? line : line.substring(0, 399) + "…";
    }

    private static String abbreviate(String text) {
        return text.length() <= 45 ? text : text.substring(0, 44) + "…";
    }
}
