package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.core.cli.Main;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import io.enoskit.ota.profile.ProfileLayer;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the packaged conformance features against a target and says what the run showed, as an exit code and one
 * line (the {@code conform} command is a thin shell over this):
 * <ul>
 *   <li>{@value #PASSED}: every documented rule the run exercised held (skips and observations allowed);</li>
 *   <li>{@value #RULE_FAILED}: a documented rule failed; the message names the rules (also when the kit itself
 *       failed on a scenario, which the message says);</li>
 *   <li>{@value #USAGE}: nothing to run (no scenario matches the tag expression, or it does not parse), or the base
 *       URL answers but is not the API (a path it is not under);</li>
 *   <li>{@value #CREDENTIALS_REFUSED}: the gateway refused the credentials, or asks for some and none were given;
 *       the run stops before any scenario;</li>
 *   <li>{@value #CANNOT_JUDGE}: the target did not answer (unreachable, timed out, dropped connections), so the run
 *       cannot judge it.</li>
 * </ul>
 * Before any scenario it checks, with one call, that the target answers and takes the credentials. Reports go to
 * the report dir: {@code report.html}, {@code junit.xml}, {@code summary.txt}, {@code scenarios.tsv}.
 * <p>
 * Cucumber runs through its command-line entry point ({@code Main.run}) on the calling thread, one scenario at a
 * time. Cucumber's own settings ({@code cucumber.properties}, {@code CUCUMBER_*} variables, {@code cucumber.*}
 * system properties) apply as to any Cucumber run: a plugin named there adds a report; the glue, the features, the
 * object factory and a {@code --tags} given here replace theirs.
 */
public final class ConformanceRunner {
    public static final int PASSED = 0;
    public static final int RULE_FAILED = 1;
    public static final int USAGE = 2;
    public static final int CREDENTIALS_REFUSED = 4;
    public static final int CANNOT_JUDGE = 5;
    /** Where the features lie on the class path. */
    public static final String FEATURES = "classpath:io/enoskit/ota/features";
    private static final String GLUE = "io.enoskit.ota.conformance";
    private static final String PROBE_JOB = "enos-ota-kit-probe";
    /** Get OTA Job's documented code for a job that does not exist: the answer the probe expects. */
    private static final int JOB_NOT_FOUND = 24404;
    private static final int HTTP_NOT_FOUND = 404;
    /** The name of the observed profile a run writes. */
    public static final String OBSERVED_PROFILE = "observed";

    /**
     * What a run showed.
     *
     * @param exitCode one of the codes above
     * @param message  one line for the user: what held, what failed, or why nothing could be judged
     * @param summary  the summary of the scenarios, or null when the run stopped before them
     * @param observed the target's observed profile (only the settings the run saw evidence for), or null when the
     *                 run stopped before the scenarios
     */
    public record Outcome(int exitCode, String message, ConformanceSummary.Result summary, ProfileLayer observed) {
        public Outcome(int exitCode, String message, ConformanceSummary.Result summary) {
            this(exitCode, message, summary, null);
        }
    }

    private final TargetConfig target;
    private final String tags;
    private final Path reportDir;
    private final PrintWriter out;
    private final Supplier<String> inProcessMockUrl;
    private Path profileFile;

    /**
     * @param target    the server under test and its fixtures
     * @param tags      a Cucumber tag expression selecting scenarios, or null for all
     * @param reportDir where the reports go
     * @param out       where the summary is printed
     */
    public ConformanceRunner(TargetConfig target, String tags, Path reportDir, PrintWriter out) {
        this(target, tags, reportDir, out, null);
    }

    /**
     * A runner whose target may be the kit's mock in this JVM, started and stopped by the caller (the kit's own
     * tests run the mock-only scenarios against a mock with a test double in it).
     *
     * @param inProcessMockUrl the base URL of that mock; null when the target is at a base URL
     */
    public ConformanceRunner(TargetConfig target, String tags, Path reportDir, PrintWriter out,
                             Supplier<String> inProcessMockUrl) {
        this.target = target;
        this.tags = tags;
        this.reportDir = reportDir;
        this.out = out;
        this.inProcessMockUrl = inProcessMockUrl;
    }

    /**
     * Writes the target's observed profile to {@code file} when the run ends ({@code conform --write-profile}), and
     * sends the probes some settings need ({@link Probes}) before the scenarios.
     *
     * @return this runner
     */
    public ConformanceRunner writeProfile(Path file) {
        this.profileFile = file;
        return this;
    }

    public Outcome run() {
        if (tags != null && !tags.isBlank()) {
            try {
                TagExpressionParser.parse(tags);
            } catch (TagExpressionException wrong) {
                return new Outcome(USAGE, "--tags \"" + tags + "\" is not a tag expression: " + wrong.getMessage(),
                        null);
            }
        }
        ConformanceRun run = new ConformanceRun(target, inProcessMockUrl);
        Outcome stopped = preflight(run);
        if (stopped != null) {
            return stopped;
        }
        if (profileFile != null) {
            new Probes(run).runAll();
        }
        ConformanceSummary summary = new ConformanceSummary(reportDir.resolve("summary.txt"), run, () -> out);
        HtmlReport report = new HtmlReport(reportDir.resolve("report.html"), target, summary);
        try (RunScope ignored = RunScope.open(run, List.of(run, summary, report))) {
            Main.run(arguments(), ConformanceRunner.class.getClassLoader());
        }
        ProfileLayer observed = run.observer().layer(OBSERVED_PROFILE, run.baseUrl());
        Outcome outcome = judge(summary.result(), observed);
        if (profileFile != null && outcome.exitCode() != USAGE) {
            try {
                Files.createDirectories(profileFile.toAbsolutePath().getParent());
                Files.writeString(profileFile, observed.toYaml(), StandardCharsets.UTF_8);
                out.println("observed profile (" + observed.settings().size() + " settings): "
                        + profileFile.toAbsolutePath().normalize());
                out.flush();
            } catch (IOException | UncheckedIOException failed) {
                return new Outcome(USAGE, "--write-profile " + profileFile + " cannot be written ("
                        + failed.getMessage() + "); " + outcome.message(), outcome.summary(), observed);
            }
        }
        return outcome;
    }

    private Outcome judge(ConformanceSummary.Result result, ProfileLayer observed) {
        if (result == null || result.scenarios() == 0) {
            return new Outcome(USAGE, "no scenario matches --tags \"" + tags + "\": nothing was checked", result,
                    observed);
        }
        return new Outcome(result.exitCode(), result.verdict(), result, observed);
    }

    /**
     * Cucumber's command line for the run: the glue with this run's object factory, the run's plugins ({@link
     * RunPlugins}) and the JUnit XML report, the tag expression, the packaged features.
     */
    private String[] arguments() {
        List<String> args = new ArrayList<>(List.of("--glue", GLUE,
                "--object-factory", ConformanceObjectFactory.class.getName(),
                "--plugin", RunPlugins.class.getName(),
                "--plugin", "junit:" + reportDir.resolve("junit.xml"),
                "--monochrome", "--no-summary"));
        if (tags != null && !tags.isBlank()) {
            args.addAll(List.of("--tags", tags));
        }
        args.add(FEATURES);
        return args.toArray(String[]::new);
    }

    /**
     * The base URL answers, but what answers is not the API: one message naming --base-url instead of every rule
     * failing on the same answer.
     */
    private Outcome notTheApi(String expected, String request, int status, JsonNode answer) {
        String answered = answer.path("code").isNumber()
                ? "with code " + answer.path("code").asText() + " (" + answer.path("msg").asText("") + ")"
                : "without the EnOS envelope {code, msg, requestId, data}";
        return new Outcome(USAGE, "--base-url " + target.baseUrl() + " answers, but not as " + expected + ": "
                + request + " answered HTTP " + status + " " + answered + "; the kit adds the API's paths to"
                + " --base-url, so give the address they start from, e.g. https://apigw.example.com", null);
    }

    /**
     * One harmless call (Get OTA Job of a job that does not exist) before any scenario; null when all is well. It
     * stops the run when the target cannot be reached, refuses the credentials, or is not the API at all (a path
     * the API is not under, or no envelope in the answer).
     */
    private Outcome preflight(ConformanceRun run) {
        if (target.isMock()) {
            return null;
        }
        Response probe;
        try {
            probe = run.authenticated(run.given()).queryParam("action", "get").queryParam("orgId", target.orgId())
                    .queryParam("jobId", PROBE_JOB).get(ConformanceWorld.JOBS);
        } catch (TokenAuthFilter.TokenRefused refused) {
            if (!refused.refusal() && refused.httpStatus() == HTTP_NOT_FOUND) {
                return notTheApi("the EnOS gateway", "POST " + run.baseUrl() + TokenAuthFilter.TOKEN_PATH,
                        refused.httpStatus(), refused.body());
            }
            return refused.refusal()
                    ? new Outcome(CREDENTIALS_REFUSED, "authentication failed: " + refused.getMessage(), null)
                    : new Outcome(RULE_FAILED, "rule AUTH-TOKEN-SHAPE failed, so no scenario could run: "
                            + refused.getMessage(), null);
        } catch (Exception failure) { // rest-assured rethrows checked I/O exceptions without declaring them
            IOException io = TransportGuard.ioCause(failure);
            if (io == null) {
                throw failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
            }
            return new Outcome(CANNOT_JUDGE, "could not judge: " + new TransportGuard(run).describe(io), null);
        }
        String body = probe.asString();
        JsonNode answer = TokenAuthFilter.readJson(body);
        boolean envelope = answer.path("code").isNumber();
        String probed = "GET " + run.baseUrl() + ConformanceWorld.JOBS + "?action=get";
        // HTTP 404 without "job not found" is a path the API is not under (the mock's 99404, a gateway's page); the
        // EnOS client (--auth poseidon) hides the status of such answers (599), so there it is not recognised
        if (probe.statusCode() == HTTP_NOT_FOUND && !(envelope && answer.path("code").asInt() == JOB_NOT_FOUND)) {
            return notTheApi("the EnOS OTA API", probed, probe.statusCode(), answer);
        }
        if (target.auth() == TargetConfig.Auth.NONE && (probe.statusCode() == 401 || probe.statusCode() == 403)) {
            return new Outcome(CREDENTIALS_REFUSED, "the target answers HTTP " + probe.statusCode()
                    + " without credentials (" + body.strip() + "); use --auth token or --auth poseidon with"
                    + " --app-key and --app-secret", null);
        }
        if (target.auth() == TargetConfig.Auth.NONE && !envelope) {
            return notTheApi("the EnOS OTA API", probed, probe.statusCode(), answer);
        }
        if (target.auth() != TargetConfig.Auth.NONE && !envelope) {
            return new Outcome(CREDENTIALS_REFUSED, "authentication failed: the target refused the "
                    + (target.auth() == TargetConfig.Auth.POSEIDON ? "EnOS client's credentials" : "signed call")
                    + " (HTTP " + probe.statusCode() + "): " + body.strip(), null);
        }
        return null;
    }
}
