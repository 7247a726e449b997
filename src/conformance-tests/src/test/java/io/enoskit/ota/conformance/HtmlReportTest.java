package io.enoskit.ota.conformance;

import static io.enoskit.ota.conformance.TestDoubles.action;
import static io.enoskit.ota.conformance.TestDoubles.changeAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.GatewayAuth;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report reads as a verdict first: a static section before Cucumber's content, which a browser shows with
 * scripts off, with the conformance index, the failed rules, the observations and the skips with their reasons; then
 * the scenarios, the features on the API first and those on the kit's mock last (left out of a run against another
 * target). Checked in the report's bytes and in a real headless Chromium (Debian: {@code apt-get install chromium
 * chromium-driver}; {@code CHROME_BIN} and {@code CHROMEDRIVER} name other paths).
 */
class HtmlReportTest {
    private static final String VERDICT_ID = "conformance-verdict";
    private static final String VERDICT = "<section id=\"" + VERDICT_ID + "\">";
    private static final String API = "API: ";
    private static final String CONTENT = "<div id=\"content\">";
    private static Targets.Run failing;
    private static Targets.Run inProcess;
    private static ChromeDriver browser;

    @BeforeAll
    static void runTheKit() {
        failing = Targets.run("report of a failing gateway", GatewayAuth.OFF, TargetConfig.Auth.NONE, null,
                changeAnswer(action("create"), answer -> answer.path("code").asInt() == 24404
                        ? answer.put("code", 24400) : answer));
        inProcess = Targets.runInProcess("report of the mock", TargetConfig.Auth.NONE, null);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRunAgainstAnotherTargetOpensWithItsVerdictInStaticHtml() throws IOException {
        String page = report(failing);
        String verdict = page.substring(page.indexOf(VERDICT), page.indexOf("</section>") + "</section>".length());

        assertThat(failing.exitCode()).isEqualTo(ConformanceRunner.RULE_FAILED);
        assertThat(page.indexOf(VERDICT)).as("the verdict opens the body, before Cucumber's content")
                .isGreaterThan(page.indexOf("<body>")).isLessThan(page.indexOf(CONTENT));
        assertThat(verdict).doesNotContain("<script")
                .contains("<p class=\"verdict failed\">Failed: documented rules failed: CREATE-24404</p>")
                .contains("Conformance index: rules exercised 53/59 (90%), passed 52, failed 1, skipped 6")
                .contains("<h2>Failures (documented rules broken)</h2>",
                        "CREATE-24404: A firmware that does not exist is answered with 24404 (Business errors of"
                                + " Create OTA Job): [code of {&quot;code&quot;:24400")
                .contains("<h2>Observations (undocumented behaviour; not failures)</h2>")
                .contains("<h2>Skipped, and why</h2>",
                        "<li>drives the mock&#39;s admin routes; runs against the mock only (16 scenarios)</li>")
                .contains("Left out: the features on the kit&#39;s mock only, which run against the mock alone:"
                        + " A job&#39;s life on the mock");
        assertThat(verdict.indexOf("Failures")).isLessThan(verdict.indexOf("Observations"));
        assertThat(verdict.indexOf("Observations")).isLessThan(verdict.indexOf("Skipped, and why"));
    }

    @Test
    void aRunAgainstAnotherTargetLeavesTheMockOnlyFeaturesOut() throws IOException {
        List<String> features = features(messages(report(failing)));

        assertThat(features).hasSize(13).allMatch(title -> title.startsWith(API))
                .contains("API: Business errors of Create OTA Job (business_errors.feature)");
        assertThat(messages(report(failing)).stream().filter(message -> message.has("testCase")).count())
                .as("test cases shown").isEqualTo(failing.outcome().summary().scenarios() - 9);
    }

    @Test
    void aRunAgainstTheMockShowsTheMockOnlyFeaturesLast() throws IOException {
        List<String> features = features(messages(report(inProcess)));

        assertThat(features).hasSize(16);
        assertThat(features.subList(0, 13)).allMatch(title -> title.startsWith(API));
        assertThat(features.subList(13, 16)).containsExactlyInAnyOrder(
                "Mock only: A job's life on the mock: device tasks on a simulation clock (lifecycle.feature)",
                "Mock only: Faults and delays on demand, for testing clients (mock_faults.feature)",
                "Mock only: The mock keeps what it is given (mock_state.feature)");
        assertThat(report(inProcess)).contains("<p class=\"verdict passed\">Passed: every documented rule the run"
                + " exercised held");
    }

    @Test
    void aBrowserWithScriptsOffShowsTheVerdict() {
        browser().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            browser().get(reportFile(failing).toUri().toString());
            String shown = browser().findElement(By.id(VERDICT_ID)).getText();

            assertThat(shown).contains("Failed: documented rules failed: CREATE-24404",
                    "Conformance index: rules exercised 53/59 (90%)", "Skipped, and why",
                    "drives the mock's admin routes; runs against the mock only (16 scenarios)");
            assertThat(browser().findElement(By.id("content")).getText()).as("nothing rendered by a script").isEmpty();
        } finally {
            browser().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    @Test
    void aBrowserShowsTheVerdictAboveTheScenariosOnTheApi() {
        browser().get(reportFile(inProcess).toUri().toString());
        new WebDriverWait(browser(), Duration.ofSeconds(20))
                .until(page -> page.findElement(By.id("content")).getText().contains(API));
        WebElement verdict = browser().findElement(By.id(VERDICT_ID));
        WebElement content = browser().findElement(By.id("content"));
        String rendered = content.getText();

        assertThat(verdict.getRect().getY() + verdict.getRect().getHeight())
                .isLessThanOrEqualTo(content.getRect().getY());
        assertThat(rendered.indexOf("API: Business errors of Create OTA Job")).isNotNegative()
                .isLessThan(rendered.indexOf("Mock only: "));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Path reportFile(Targets.Run run) {
        return run.reports().resolve("report.html").toAbsolutePath();
    }

    private static String report(Targets.Run run) throws IOException {
        return Files.readString(reportFile(run));
    }

    /** The Cucumber messages the page's script renders (html-formatter writes each "<" as the JavaScript "\x3C"). */
    private static List<JsonNode> messages(String page) throws IOException {
        String start = "window.CUCUMBER_MESSAGES = [";
        int from = page.indexOf(start) + start.length();
        String json = page.substring(from, page.indexOf("];\n</script>", from)).replace("\\x3C", "\\u003C");
        JsonNode array = Json.mapper().readTree("[" + json + "]");
        List<JsonNode> messages = new ArrayList<>();
        array.forEach(messages::add);
        return messages;
    }

    /** The feature titles, in the order the report lists them (the order of the Gherkin documents). */
    private static List<String> features(List<JsonNode> messages) {
        return messages.stream().filter(message -> message.has("gherkinDocument"))
                .map(message -> message.path("gherkinDocument").path("uri").asText()).toList();
    }

    private static synchronized ChromeDriver browser() {
        if (browser == null) {
            ChromeOptions chrome = new ChromeOptions().setBinary(executable("CHROME_BIN", "chromium",
                    "chromium-browser", "google-chrome"));
            chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--window-size=1280,2000");
            ChromeDriverService driver = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(executable("CHROMEDRIVER", "chromedriver"))).usingAnyFreePort()
                    .build();
            browser = new ChromeDriver(driver, chrome);
        }
        return browser;
    }

    /** The first of the names found on PATH, or the path an environment variable gives. */
    private static String executable(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Optional<String> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> new File(dir, name)))
                .filter(File::canExecute).map(File::getPath).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no " + String.join(" or ", names) + " on PATH:"
                + " this test drives a real browser; install chromium and chromium-driver (Debian) or set "
                + variable));
    }
}
