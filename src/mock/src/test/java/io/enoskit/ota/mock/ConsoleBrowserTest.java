package io.enoskit.ota.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.contract.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console ({@code /__admin/ota/ui}) and the API docs page ({@code /__admin/ota/docs}) in a real headless
 * Chromium: a job created through the API shows up, the clock advanced from the page moves its device tasks on, a
 * 99400 the client sent is highlighted with its field, and the docs show an operation with its rules and curl line.
 * Screenshots are kept in {@code target/console.png} and {@code target/docs.png} for a person to look at (the README's
 * {@code docs/console.png} is a copy of one).
 */
class ConsoleBrowserTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static OtaMockServer mock;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        // frozen: the tasks move only when the page advances the clock, so what the test sees is what it caused
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().frozenClock(true));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void openBrowser() {
        given().baseUri(mock.baseUrl()).post("/__admin/ota/reset").then().statusCode(200);
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void quitBrowser() {
        browser.quit();
    }

    @Test
    void theConsoleShowsTheJobItsTasksMovingOnAndThe99400TheClientSent() throws Exception {
        String jobId = given().baseUri(mock.baseUrl()).contentType("application/json")
                .body(Json.write(Map.of("name", Map.of("defaultValue", "nightly rollout"), "type", "upgrade",
                        "upgradePolicy", "snapshot", "enableUpgradeRequest", false, "upgradeScope",
                        Map.of("type", "partial", "deviceKeys", List.of("deviceKey1", "deviceKey2", "deviceKey3")))))
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .body("code", equalTo(0)).extract().path("data.jobId");
        given().baseUri(mock.baseUrl()).post(JOBS + "?action=start&orgId=yourOrgId&jobId=" + jobId).then()
                .body("code", equalTo(0));
        given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(JOBS + "?action=create&orgId=yourOrgId").then().body("code", equalTo(99400));

        browser.get(mock.baseUrl() + "/__admin/ota/ui");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String job = "div.job[data-job='" + jobId + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(job)));
        assertThat(browser.getTitle()).isEqualTo("EnOS OTA mock console");
        assertThat(texts(job)).singleElement().asString().contains("nightly rollout")
                .contains("upgrade job on yourFirmwareId").contains("status started");
        assertThat(taskStatuses(jobId)).containsOnly("init").hasSize(3);

        WebElement seconds = browser.findElement(By.id("advance-seconds"));
        seconds.clear();
        seconds.sendKeys("12");
        browser.findElement(By.id("advance")).click();
        wait.until(driver -> browser.findElement(By.id("clock-advanced")).getText().contains("moved on 12 s"));
        wait.until(driver -> !taskStatuses(jobId).contains("init"));
        List<String> shown = taskStatuses(jobId);
        List<String> stored = given().baseUri(mock.baseUrl())
                .get("/__admin/ota/orgs/yourOrgId/jobs/" + jobId + "/tasks").then().extract().path("tasks.status");
        assertThat(shown).containsExactlyInAnyOrderElementsOf(stored).doesNotContain("init");
        assertThat(texts(job + " progress + span.percent")).isNotEmpty()
                .anySatisfy(percent -> assertThat(percent).isNotEqualTo("0%"));

        WebElement invalid = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#exchanges tr.invalid")));
        assertThat(invalid.findElement(By.cssSelector("span.field")).getText()).isEqualTo("firmwareId");
        assertThat(invalid.getText()).contains("POST " + JOBS + "?action=create&orgId=yourOrgId").contains("99400")
                .contains("Invalid Argument firmwareId: is mandatory");
        assertThat(browser.findElements(By.cssSelector("#exchanges tbody tr"))).hasSize(3);
        assertThat(invalid.findElement(By.cssSelector("td")).getCssValue("background-color")).isNotEqualTo(browser.findElement(By.cssSelector(
                "#exchanges tr.ok td")).getCssValue("background-color"));
        screenshot("console.png");
    }

    @Test
    void theFreezeButtonAndTheFaultSwitchChangeTheMock() {
        browser.get(mock.baseUrl() + "/__admin/ota/ui");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("freeze"), "Let it run"));
        browser.findElement(By.id("freeze")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("freeze"), "Freeze"));
        given().baseUri(mock.baseUrl()).get("/__admin/ota/clock").then().body("frozen", equalTo(false));
        browser.findElement(By.id("freeze")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("freeze"), "Let it run"));
        given().baseUri(mock.baseUrl()).get("/__admin/ota/clock").then().body("frozen", equalTo(true));

        browser.findElement(By.id("fault-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faults"), "fault"));
        given().baseUri(mock.baseUrl()).get(JOBS + "?action=get&orgId=yourOrgId&jobId=any").then().statusCode(503);
        browser.findElement(By.id("faults-off")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faults"), "none"));
        given().baseUri(mock.baseUrl()).get(JOBS + "?action=get&orgId=yourOrgId&jobId=any").then()
                .body("code", equalTo(24404));
    }

    @Test
    void theDocsShowAnOperationWithItsRulesAndItsCurlLine() throws Exception {
        browser.get(mock.baseUrl() + "/__admin/ota/docs");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement create = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'opblock-summary')][.//*[contains(text(),'Create an OTA job')]]")));
        create.click();
        WebElement rule = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//li/strong/code[text()='CREATE-24404']")));
        assertThat(rule.findElement(By.xpath("../..")).getText())
                .isEqualTo("CREATE-24404 A job on a firmware the organization does not have answers 24404"
                        + " \"Firmware not found\".");
        WebElement curl = browser.findElement(By.xpath("//pre[contains(., 'curl -s -X POST')]"));
        assertThat(curl.getText()).startsWith("curl -s -X POST '" + mock.baseUrl() + JOBS
                + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId'");
        assertThat(browser.findElement(By.id("docs-missing")).isDisplayed()).isFalse();
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", curl);
        screenshot("docs.png");
    }

    private List<String> taskStatuses(String jobId) {
        return texts("div.job[data-job='" + jobId + "'] td.task-status");
    }

    /** The text of every element the selector finds, read in one go: the console redraws its state every second. */
    private List<String> texts(String selector) {
        Object found = browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]),"
                + " node => node.textContent)", selector);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
