package io.enoskit.ota.conformance;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.htmlformatter.MessagesToHtmlWriter;
import io.cucumber.messages.ndjson.Serializer;
import io.cucumber.messages.types.Attachment;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.Source;
import io.cucumber.messages.types.Suggestion;
import io.cucumber.messages.types.Tag;
import io.cucumber.messages.types.TestCaseFinished;
import io.cucumber.messages.types.TestStepFinished;
import io.cucumber.messages.types.TestStepResult;
import io.cucumber.messages.types.TestStepResultStatus;
import io.cucumber.messages.types.TestStepStarted;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cucumber's HTML report (the html-formatter library), made to read as a verdict first and documentation of the API
 * after:
 * <ul>
 *   <li>it opens with the verdict, a static {@code <section id="conformance-verdict">} before Cucumber's content that
 *       needs no script: the verdict in one line, the conformance index, the failed rules, the observations, the
 *       skips with their reasons ({@link ConformanceSummary.Section}s, as in {@code summary.txt});</li>
 *   <li>then the scenarios: each feature titled by what it is about and its file name ("API: Business errors of
 *       Create OTA Job (business_errors.feature)", "Mock only: ..."), the features about the kit's mock
 *       ({@value Hooks#MOCK_ONLY} on the feature) last, or left out of a run against another target, where they
 *       cannot run;</li>
 *   <li>a skipped step shows no exception: the scenario says why it was skipped, once, as a line of text it logs
 *       before it stops ({@link ConformanceWorld#skip});</li>
 *   <li>the report's title names the target.</li>
 * </ul>
 * The requests and answers are in it already: every exchange is attached to its step ({@link Exchanges}). The
 * messages are kept until the run ends (the verdict is known only then) and the file is written once.
 * Use: {@code --plugin HtmlReport:target/cucumber/report.html}.
 */
public final class HtmlReport implements ConcurrentEventListener {
    /** The id of the verdict's section, the first element of the page's body. */
    public static final String VERDICT_ID = "conformance-verdict";
    /** Title prefix of the features on the vendor API. */
    static final String API = "API: ";
    /** Title prefix of the features on the kit's mock only. */
    static final String MOCK_ONLY = "Mock only: ";
    /** Cucumber's own Gherkin parser, for a feature's title as the source is read. */
    private static final GherkinParser GHERKIN = GherkinParser.builder().includeSource(false).includePickles(false)
            .build();
    private static final Escaper HTML = HtmlEscapers.htmlEscaper();
    private static final String BODY = "<body>";
    private static final String CSS = """
            #conformance-verdict { font-family: system-ui, sans-serif; max-width: 70em; margin: 1.5em auto;
              padding: 1em 1.5em; border: 1px solid #d0d7de; border-radius: 6px; line-height: 1.4; }
            #conformance-verdict h1 { font-size: 1.3em; margin: 0 0 .3em; }
            #conformance-verdict h2 { font-size: 1.05em; margin: 1em 0 .3em; }
            #conformance-verdict .verdict { font-size: 1.2em; font-weight: bold; }
            #conformance-verdict .passed { color: #1a7f37; }
            #conformance-verdict .failed { color: #cf222e; }
            #conformance-verdict .not-judged { color: #9a6700; }
            #conformance-verdict .index { font-weight: bold; }
            #conformance-verdict ul { margin: 0; padding-left: 1.5em; }
            """;
    private final Path file;
    private final TargetConfig target;
    private final ConformanceSummary summary;
    private final boolean ownSummary;
    private final List<Envelope> received = new ArrayList<>();
    private final Map<String, String> titles = new HashMap<>();

    /** For Cucumber's {@code --plugin} option: the target is the in-process mock; the verdict is its own. */
    public HtmlReport(String file) {
        this(Path.of(file), TargetConfig.inProcessMock(), new ConformanceSummary(null, null, null), true);
    }

    /**
     * For a runner that knows its target and collects the summary (a plugin of the same run).
     *
     * @param file    where the report goes
     * @param target  the target, named in the title; whether it is the mock decides where the mock-only features go
     * @param summary the run's summary, whose result is the verdict
     */
    public HtmlReport(Path file, TargetConfig target, ConformanceSummary summary) {
        this(file, target, summary, false);
    }

    private HtmlReport(Path file, TargetConfig target, ConformanceSummary summary, boolean ownSummary) {
        this.file = file;
        this.target = target;
        this.summary = summary;
        this.ownSummary = ownSummary;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        if (ownSummary) {
            summary.setEventPublisher(publisher);
        }
        publisher.registerHandlerFor(Envelope.class, this::receive);
    }

    /** Keeps every message; the last one (test run finished) comes after the summary has its result. */
    private synchronized void receive(Envelope envelope) {
        received.add(envelope);
        if (envelope.getTestRunFinished().isPresent()) {
            write();
        }
    }

    private void write() {
        Set<String> mockOnly = mockOnlyFeatures();
        received.forEach(envelope -> envelope.getSource().ifPresent(source -> titles.put(source.getUri(),
                featureTitle(envelope, mockOnly.contains(source.getUri())))));
        List<Envelope> shown = target.isMock() ? mockOnlyLast(mockOnly) : without(mockOnly);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        try (MessagesToHtmlWriter writer = MessagesToHtmlWriter.builder(new Serializer()::writeValue)
                .title("EnOS OTA Job API conformance: " + target.describe().get("target"))
                .customCss(() -> new ByteArrayInputStream(CSS.getBytes(StandardCharsets.UTF_8)))
                .build(html)) {
            for (Envelope envelope : shown) {
                writer.write(readable(envelope));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String page = html.toString(StandardCharsets.UTF_8);
        // html-formatter's template has no place for content of ours outside the script-rendered #content
        int body = page.indexOf(BODY, Math.max(0, page.indexOf("</head>")));
        if (body < 0) {
            throw new IllegalStateException("html-formatter's page has no " + BODY + " after </head>: the verdict has"
                    + " no place");
        }
        int at = body + BODY.length();
        try {
            Files.writeString(file, page.substring(0, at) + "\n" + verdict(mockOnly) + page.substring(at),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uris of the features tagged {@value Hooks#MOCK_ONLY} as a whole. */
    private Set<String> mockOnlyFeatures() {
        Set<String> uris = new HashSet<>();
        for (Envelope envelope : received) {
            envelope.getGherkinDocument().ifPresent(document -> document.getFeature()
                    .filter(feature -> feature.getTags().stream().map(Tag::getName).anyMatch(Hooks.MOCK_ONLY::equals))
                    .ifPresent(feature -> document.getUri().ifPresent(uris::add)));
        }
        return uris;
    }

    /**
     * The messages with the sources, documents and pickles of the mock-only features moved after the last of the
     * others; the report lists features in the order their documents come.
     */
    private List<Envelope> mockOnlyLast(Set<String> mockOnly) {
        List<Envelope> shown = new ArrayList<>();
        List<Envelope> moved = new ArrayList<>();
        int afterLastApiFeature = 0;
        for (Envelope envelope : received) {
            Optional<String> uri = parsedUri(envelope);
            if (uri.isPresent() && mockOnly.contains(uri.get())) {
                moved.add(envelope);
                continue;
            }
            shown.add(envelope);
            if (uri.isPresent()) {
                afterLastApiFeature = shown.size();
            }
        }
        shown.addAll(afterLastApiFeature, moved);
        return shown;
    }

    /** The messages without the given features, their pickles, test cases and everything of those. */
    private List<Envelope> without(Set<String> features) {
        Set<String> pickles = new HashSet<>();
        Set<String> pickleSteps = new HashSet<>();
        Set<String> testCases = new HashSet<>();
        Set<String> started = new HashSet<>();
        List<Envelope> shown = new ArrayList<>();
        for (Envelope envelope : received) {
            Optional<String> uri = parsedUri(envelope);
            boolean left = uri.isPresent() && features.contains(uri.get());
            if (left && envelope.getPickle().isPresent()) {
                pickles.add(envelope.getPickle().get().getId());
                envelope.getPickle().get().getSteps().stream().map(PickleStep::getId).forEach(pickleSteps::add);
            }
            if (envelope.getTestCase().isPresent() && pickles.contains(envelope.getTestCase().get().getPickleId())) {
                left = true;
                testCases.add(envelope.getTestCase().get().getId());
            }
            if (envelope.getTestCaseStarted().isPresent()
                    && testCases.contains(envelope.getTestCaseStarted().get().getTestCaseId())) {
                left = true;
                started.add(envelope.getTestCaseStarted().get().getId());
            }
            Optional<String> ofStarted = envelope.getTestStepStarted().map(TestStepStarted::getTestCaseStartedId)
                    .or(() -> envelope.getTestStepFinished().map(TestStepFinished::getTestCaseStartedId))
                    .or(() -> envelope.getTestCaseFinished().map(TestCaseFinished::getTestCaseStartedId))
                    .or(() -> envelope.getAttachment().flatMap(Attachment::getTestCaseStartedId));
            left |= ofStarted.map(started::contains).orElse(false)
                    || envelope.getSuggestion().map(Suggestion::getPickleStepId).map(pickleSteps::contains)
                    .orElse(false);
            if (!left) {
                shown.add(envelope);
            }
        }
        return shown;
    }

    /** The feature a source, document or pickle message is of. */
    private static Optional<String> parsedUri(Envelope envelope) {
        return envelope.getSource().map(Source::getUri)
                .or(() -> envelope.getGherkinDocument().flatMap(GherkinDocument::getUri))
                .or(() -> envelope.getPickle().map(Pickle::getUri));
    }

    /** "API: " or "Mock only: ", the feature's name and its file name, for a source message. */
    private static String featureTitle(Envelope source, boolean mockOnly) {
        String uri = source.getSource().orElseThrow().getUri();
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        return (mockOnly ? MOCK_ONLY : API) + featureName(source).map(name -> name + " (" + file + ")").orElse(file);
    }

    /** The message as the report should show it. */
    private Envelope readable(Envelope envelope) {
        if (envelope.getSource().isPresent()) {
            Source source = envelope.getSource().get();
            return Envelope.of(new Source(title(source.getUri()), source.getData(), source.getMediaType()));
        }
        if (envelope.getGherkinDocument().isPresent()) {
            GherkinDocument document = envelope.getGherkinDocument().get();
            return Envelope.of(new GherkinDocument(document.getUri().map(this::title).orElse(null),
                    document.getFeature().orElse(null), document.getComments()));
        }
        if (envelope.getPickle().isPresent()) {
            Pickle pickle = envelope.getPickle().get();
            return Envelope.of(new Pickle(pickle.getId(), title(pickle.getUri()), pickle.getName(),
                    pickle.getLanguage(), pickle.getSteps(), pickle.getTags(), pickle.getAstNodeIds()));
        }
        if (envelope.getTestStepFinished().isPresent()) {
            TestStepFinished finished = envelope.getTestStepFinished().get();
            TestStepResult result = finished.getTestStepResult();
            if (result.getStatus() == TestStepResultStatus.SKIPPED) {
                return Envelope.of(new TestStepFinished(finished.getTestCaseStartedId(), finished.getTestStepId(),
                        new TestStepResult(result.getDuration(), null, TestStepResultStatus.SKIPPED, null),
                        finished.getTimestamp()));
            }
        }
        return envelope;
    }

    /** The verdict as static HTML: readable with scripts off, above whatever Cucumber's script renders. */
    private String verdict(Set<String> mockOnly) {
        ConformanceSummary.Result result = summary.result();
        StringBuilder html = new StringBuilder("<section id=\"" + VERDICT_ID + "\">\n");
        if (result == null || result.scenarios() == 0) {
            html.append("<h1>").append(text("EnOS OTA Job API conformance: " + target.describe().get("target")))
                    .append("</h1>\n<p class=\"verdict not-judged\">No scenario ran: nothing was checked.</p>\n");
            return html.append("</section>\n").toString();
        }
        String style = switch (result.exitCode()) {
            case ConformanceRunner.PASSED -> "passed";
            case ConformanceRunner.CANNOT_JUDGE -> "not-judged";
            default -> "failed";
        };
        String word = switch (result.exitCode()) {
            case ConformanceRunner.PASSED -> "Passed: ";
            case ConformanceRunner.CANNOT_JUDGE -> "Not judged: ";
            default -> "Failed: ";
        };
        html.append("<h1>").append(text(result.heading())).append("</h1>\n")
                .append("<p class=\"verdict ").append(style).append("\">").append(text(word + result.verdict()))
                .append("</p>\n")
                .append("<p>").append(text(result.ranAt())).append("</p>\n")
                .append("<p class=\"index\">Conformance index: ").append(text(result.index())).append("</p>\n");
        if (result.failedRules().isEmpty() && result.kitErrors().isEmpty()) {
            html.append("<p>No documented rule failed.</p>\n");
        }
        for (ConformanceSummary.Section section : result.sections()) {
            html.append("<h2>").append(text(section.title())).append("</h2>\n");
            if (section.folded()) {
                html.append("<details><summary>").append(section.items().size()).append(" (unfold to list them)")
                        .append("</summary>\n");
            }
            html.append("<ul>\n");
            section.items().forEach(item -> html.append("<li>").append(text(item)).append("</li>\n"));
            html.append("</ul>\n").append(section.folded() ? "</details>\n" : "");
        }
        html.append("<h2>Scenarios</h2>\n<p>").append(text(scenariosNote(mockOnly))).append("</p>\n");
        return html.append("</section>\n").toString();
    }

    private String scenariosNote(Set<String> mockOnly) {
        String note = "Below, every scenario with its steps and the exchanges it made (the page's script shows them).";
        if (mockOnly.isEmpty()) {
            return note;
        }
        List<String> names = mockOnly.stream().sorted().map(uri -> title(uri).substring(MOCK_ONLY.length()))
                .toList();
        return note + (target.isMock()
                ? " The features on the API come first; those on the kit's mock only come last: "
                : " Left out: the features on the kit's mock only, which run against the mock alone: ")
                + String.join("; ", names) + ".";
    }

    private static String text(String plain) {
        return HTML.escape(plain);
    }

    /** The feature's name, as the Gherkin parser reads it (any language); empty when the source does not parse. */
    private static Optional<String> featureName(Envelope source) {
        return GHERKIN.parse(source)
                .flatMap(parsed -> parsed.getGherkinDocument().stream())
                .flatMap(document -> document.getFeature().stream())
                .map(Feature::getName)
                .filter(name -> !name.isBlank())
                .findFirst();
    }

    private String title(String uri) {
        return titles.getOrDefault(uri, uri);
    }
}
