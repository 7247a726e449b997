package io.enoskit.ota.conformance;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.htmlformatter.MessagesToHtmlWriter;
import io.cucumber.messages.ndjson.Serializer;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.Source;
import io.cucumber.messages.types.TestStepFinished;
import io.cucumber.messages.types.TestStepResult;
import io.cucumber.messages.types.TestStepResultStatus;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cucumber's HTML report (the html-formatter library), made to read as documentation of the API:
 * <ul>
 *   <li>each feature is listed by its title with its file name ("Business errors of Create OTA Job
 *       (business_errors.feature)"), not by the path it was loaded from;</li>
 *   <li>a skipped step shows no exception: the scenario says why it was skipped, once, as a line of text it logs
 *       before it stops ({@link ConformanceWorld#skip});</li>
 *   <li>the report's title names the target.</li>
 * </ul>
 * The requests and answers are in it already: every exchange is attached to its step ({@link Exchanges}).
 * Use: {@code --plugin io.enoskit.ota.conformance.HtmlReport:target/cucumber/report.html}.
 */
public final class HtmlReport implements ConcurrentEventListener {
    /** Cucumber's own Gherkin parser, for a feature's title before Cucumber's parsed document comes by. */
    private static final GherkinParser GHERKIN = GherkinParser.builder().includeSource(false).includePickles(false)
            .build();
    private final MessagesToHtmlWriter writer;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    /** For Cucumber's {@code --plugin} option: the target is the in-process mock. */
    public HtmlReport(String file) {
        this(Path.of(file), TargetConfig.inProcessMock());
    }

    /** For a runner that knows its target. */
    public HtmlReport(Path file, TargetConfig target) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            OutputStream out = Files.newOutputStream(file);
            Serializer serializer = new Serializer();
            this.writer = MessagesToHtmlWriter.builder(serializer::writeValue)
                    .title("EnOS OTA Job API conformance: " + target.describe().get("target"))
                    .build(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(Envelope.class, this::write);
    }

    private synchronized void write(Envelope envelope) {
        try {
            writer.write(readable(envelope));
            if (envelope.getTestRunFinished().isPresent()) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message as the report should show it. */
    private Envelope readable(Envelope envelope) {
        if (envelope.getSource().isPresent()) {
            Source source = envelope.getSource().get();
            String file = source.getUri().substring(source.getUri().lastIndexOf('/') + 1);
            titles.put(source.getUri(), featureName(envelope).map(name -> name + " (" + file + ")").orElse(file));
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
