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
import io.enoskit.ota.profile.ObservedSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A Cucumber plugin that ends a run with a one-screen summary and the conformance index:
 * <ul>
 *   <li>the target, the time of the run, the settings (never a secret), the EnOS release whose rules were
 *       checked;</li>
 *   <li>the conformance index: how many documented rules (the spec's {@code x-enos-rules}) the run exercised,
 *       passed, failed and skipped, e.g. "rules exercised 33/35 (94%), passed 33";</li>
 *   <li>passed / failed / skipped per feature; then its {@link Section}s: the rules that failed with their first
 *       line of error, the kit's own errors, what kept the run from judging, the observations on undocumented
 *       behaviour with their scenario, the skip reasons (each once), the jobs the run removed or left on a real
 *       target.</li>
 * </ul>
 * It collects the scenario outcomes; {@link ConformanceIndex} works the counts out, this class renders them.
 * The {@link HtmlReport} opens with the same, as its verdict.
 * A scenario's rule is the Gherkin {@code Rule:} it sits in, whose title starts with the rule's id
 * ({@link FeatureSources}).
 * Use: {@code --plugin ConformanceSummary:target/cucumber/summary.txt}. It prints the
 * summary, writes it to that file, and writes {@code scenarios.tsv} beside it
 * ({@code status<TAB>rule<TAB>feature<TAB>scenario<TAB>reason}).
 */
public final class ConformanceSummary implements ConcurrentEventListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Path file;
    private final ConformanceRun run;
    private final Supplier<PrintWriter> out;
    private final FeatureSources features = new FeatureSources();
    private final Map<UUID, List<String>> observations = new LinkedHashMap<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final List<DocumentedRule> catalogue = OpenApiContract.allRules();
    private Instant started = Instant.now();
    private Result result;

    /**
     * A titled list of the summary (failures, observations, skip reasons, ...); the text summary and the HTML report's
     * verdict show the same sections in the same order.
     *
     * @param title  what the items are, e.g. "Skipped, and why"
     * @param items  one line each
     * @param folded true for bookkeeping rather than a judgement (the jobs the run removed again), which the HTML
     *               report folds under its title
     */
    public record Section(String title, List<String> items, boolean folded) {
    }

    /**
     * What the run showed.
     *
     * @param scenarios   how many scenarios ran (or were skipped); 0 when the selection matched none
     * @param failedRules the ids of the documented rules that failed, and "unruled" scenarios' names that failed
     * @param passedRules the ids of the documented rules every exercised scenario of which passed
     * @param kitErrors   scenarios the kit could not check because of a fault of its own, with the fault
     * @param cannotJudge why calls got no answer, in order seen (the run could not judge them)
     * @param heading     "EnOS OTA Job API conformance: " and the target
     * @param ranAt       when the run started and its settings (never a secret)
     * @param index       the conformance index, e.g. "rules exercised 33/35 (94%), passed 33, failed 0, skipped 2"
     * @param sections    the non-empty sections, in the order shown
     * @param text        the summary as printed
     */
    public record Result(int scenarios, List<String> failedRules, List<String> passedRules, List<String> kitErrors,
                         List<String> cannotJudge, String heading, String ranAt, String index,
                         List<Section> sections, String text) {
        /**
         * The exit code the run ends with: {@link ConformanceRunner#RULE_FAILED} when the kit failed or a documented
         * rule did, else {@link ConformanceRunner#CANNOT_JUDGE} when a call got no answer, else
         * {@link ConformanceRunner#PASSED}.
         */
        public int exitCode() {
            if (!kitErrors.isEmpty() || !failedRules.isEmpty()) {
                return ConformanceRunner.RULE_FAILED;
            }
            return cannotJudge.isEmpty() ? ConformanceRunner.PASSED : ConformanceRunner.CANNOT_JUDGE;
        }

        /** The verdict in one line, for the console and the report's header. */
        public String verdict() {
            if (!kitErrors.isEmpty()) {
                return "the kit failed on " + kitErrors.size() + " scenarios (a bug of the kit, not a judgement of the"
                        + " target): " + kitErrors.get(0);
            }
            if (!failedRules.isEmpty()) {
                return "documented rules failed: " + String.join(", ", failedRules);
            }
            if (!cannotJudge.isEmpty()) {
                return "could not judge: " + cannotJudge.get(0);
            }
            return "every documented rule the run exercised held (" + passedRules.size() + " rules)";
        }
    }

    /** For Cucumber's {@code --plugin} option: the target is the in-process mock. */
    public ConformanceSummary(String file) {
        this(Path.of(file), null, () -> new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * For a runner that owns the run; the summary is printed to {@code out}.
     *
     * @param file where the summary is written, {@code scenarios.tsv} beside it; null to write nothing
     * @param run  the run, for its target, what it could not judge and the jobs it removed; null for the in-process
     *             mock of Cucumber's {@code --plugin} option
     * @param out  where the summary is printed; null to print nothing
     */
    public ConformanceSummary(Path file, ConformanceRun run, Supplier<PrintWriter> out) {
        this.file = file;
        this.run = run;
        this.out = out;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
        publisher.registerHandlerFor(TestSourceParsed.class, features::parsed);
        publisher.registerHandlerFor(WriteEvent.class, this::written);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> runFinished());
    }

    /** The result, once the run has finished; null before. */
    public synchronized Result result() {
        return result;
    }

    private synchronized void written(WriteEvent event) {
        if (event.getText().startsWith(ConformanceWorld.OBSERVATION)) {
            observations.computeIfAbsent(event.getTestCase().getId(), id -> new ArrayList<>())
                    .add(event.getText().substring(ConformanceWorld.OBSERVATION.length()));
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<Node> path = features.pathTo(testCase.getUri(), testCase.getLocation().getLine());
        String feature = path.isEmpty() ? testCase.getUri().toString() : path.get(0).getName().orElse("");
        String rule = FeatureSources.ruleId(path).orElse("");
        Throwable error = event.getResult().getError();
        String reason = error == null ? "" : firstLine(error instanceof Skip || error instanceof TargetSilent
                || error instanceof AssertionError ? String.valueOf(error.getMessage()) : error.toString());
        boolean kitError = event.getResult().getStatus() == Status.FAILED && !(error instanceof AssertionError);
        outcomes.add(new ScenarioOutcome(event.getResult().getStatus(), rule, feature, testCase.getName(), reason,
                observations.getOrDefault(testCase.getId(), List.of()), kitError));
    }

    private synchronized void runFinished() {
        TargetConfig target = run == null ? TargetConfig.inProcessMock() : run.target();
        ConformanceIndex index = new ConformanceIndex(outcomes, catalogue, target.enosVersion());
        String heading = "EnOS OTA Job API conformance: " + target.describe().get("target");
        String ranAt = "run at " + TIME.format(started) + "; " + settings(target);
        String indexLine = indexLine(index);
        List<String> kitErrors = index.kitErrors().stream()
                .map(o -> o.scenario() + ": " + (o.reason().isEmpty() ? o.status().name() : o.reason())).toList();
        List<String> cannotJudge = run == null ? List.of() : run.cannotJudge();
        List<Section> sections = sections(index, kitErrors, cannotJudge);
        List<String> lines = new ArrayList<>(List.of(heading, ranAt, indexLine, ""));
        lines.addAll(featureTable(index));
        for (Section section : sections) {
            lines.add("");
            lines.add(section.title() + ":");
            section.items().forEach(item -> lines.add("  - " + item));
        }
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        result = new Result(index.scenarios(), index.failedRules(), index.passedRules(), kitErrors, cannotJudge,
                heading, ranAt, indexLine, sections, text);
        if (out != null) {
            PrintWriter printer = out.get();
            printer.print(System.lineSeparator() + text);
            printer.flush();
        }
        if (file != null) {
            write(text, index);
        }
    }

    /**
     * The sections of the verdict, in the order a reader needs them: what failed, what kept the run from judging,
     * what the target does that the pages leave open, what was not checked and why, what the run left behind.
     */
    private List<Section> sections(ConformanceIndex index, List<String> kitErrors, List<String> cannotJudge) {
        List<Section> sections = new ArrayList<>();
        section(sections, "Failures (documented rules broken)", index.failures().stream()
                .map(o -> (o.rule().isEmpty() ? "" : o.rule() + ": ") + o.scenario() + " (" + o.feature() + "): "
                        + o.reason()).toList());
        section(sections, "Errors of the kit (not judgements of the target; please report them)", kitErrors);
        section(sections, "Could not judge (no answer)", cannotJudge);
        section(sections, "Observations (undocumented behaviour; not failures)", index.observations().entrySet()
                .stream().map(e -> e.getKey() + "  [" + e.getValue().get(0) + (e.getValue().size() > 1
                        ? " and " + (e.getValue().size() - 1) + " more scenarios" : "") + "]").toList());
        section(sections, "Not applicable to EnOS " + index.release()
                        + " (rules of later releases; not run, not failed)", index.notApplicableRules().stream()
                .map(rule -> rule.id() + " (from EnOS " + rule.since() + "): " + rule.rule()).toList());
        if (run != null) {
            List<String> settings = new ArrayList<>(run.observer().settings().stream()
                    .map(ObservedSetting::describe).toList());
            run.observer().remarks().forEach(remark -> settings.add("not written: " + remark));
            if (!settings.isEmpty()) {
                sections.add(new Section("Observed settings (what the target decides where the pages leave room;"
                        + " conform --write-profile writes them as a profile for the mock)", settings, true));
            }
        }
        section(sections, "Skipped, and why", index.skipReasons().entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " scenarios)" : "")).toList());
        if (run != null) {
            if (!run.removedJobs().isEmpty()) {
                sections.add(new Section("Jobs created on the target and removed again (Stop, then Delete OTA Job)",
                        run.removedJobs(), true));
            }
            section(sections, "Jobs created on the target that the kit could NOT remove (remove them by hand)",
                    run.jobsLeft());
        }
        return sections;
    }

    private static String settings(TargetConfig target) {
        Map<String, Object> shown = new LinkedHashMap<>(target.describe());
        shown.remove("target");
        List<String> parts = new ArrayList<>();
        shown.forEach((key, value) -> parts.add(key + " " + value));
        return String.join(", ", parts);
    }

    /** The conformance index in one line, e.g. "rules exercised 33/35 (94%), passed 33, failed 0, skipped 2". */
    private static String indexLine(ConformanceIndex index) {
        int total = index.applicableRules();
        int notSelected = index.notSelectedRules().size();
        int notApplicable = index.notApplicableRules().size();
        return String.format("rules exercised %d/%d (%d%%), passed %d, failed %d, skipped %d%s%s",
                index.exercisedRules(), total, total == 0 ? 0 : Math.round(100.0 * index.exercisedRules() / total),
                index.passedRules().size(), index.failedRules().size(), index.skippedRules().size(),
                notSelected == 0 ? "" : ", not selected " + notSelected,
                notApplicable == 0 ? "" : ", not applicable to EnOS " + index.release() + " " + notApplicable);
    }

    private static List<String> featureTable(ConformanceIndex index) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-45s %6s %6s %7s", "feature", "passed", "failed", "skipped"));
        index.features().forEach((feature, counts) -> lines.add(row(abbreviate(feature), counts)));
        lines.add(row("all scenarios", index.total()));
        return lines;
    }

    private static String row(String label, ConformanceIndex.Counts counts) {
        return String.format("%-45s %6d %6d %7d", label, counts.passed(), counts.failed(), counts.skipped());
    }

    private void write(String text, ConformanceIndex index) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> rows = new ArrayList<>();
            rows.add("status\trule\tfeature\tscenario\treason");
            index.outcomes().forEach(o -> rows.add(String.join("\t", o.status().name(), o.rule(), o.feature(),
                    o.scenario(), o.reason().replace('\t', ' '))));
            Files.write(dir.resolve("scenarios.tsv"), rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(List<Section> sections, String title, List<String> items) {
        if (!items.isEmpty()) {
            sections.add(new Section(title, List.copyOf(items), false));
        }
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
