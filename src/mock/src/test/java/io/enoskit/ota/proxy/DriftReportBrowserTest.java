package io.enoskit.ota.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code drift-report.html} in a real headless Chromium, scripts off: the verdict, each operation's table with the
 * rule, field, expected and came columns, and the first example exchange open. A screenshot is kept in
 * {@code target/drift-report.png} for a person to look at.
 */
class DriftReportBrowserTest {
    @TempDir
    Path reports;

    @Test
    void theHtmlReportReadsWellInABrowser() throws Exception {
        WireMockServer wrong = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wrong.start();
        String target = wrong.baseUrl();
        wrong.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(Json.write(Map.of("code", 24404, "msg", "Job does not exist", "data", Map.of())))));
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports))) {
            given().baseUri(proxy.baseUrl()).header("apim-accesstoken", "a-token-nobody-may-see")
                    .get("/connect-service/v2.1/ota-jobs?action=get&orgId=o1&jobId=missing").then().statusCode(200);
        } finally {
            wrong.stop();
        }
        Path html = reports.resolve(DriftReportFiles.HTML);
        assertThat(Files.readString(html)).doesNotContain("<script").doesNotContain("a-token-nobody-may-see");

        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(html.toUri().toString());

            assertThat(browser.getTitle()).isEqualTo("Drift report: " + target);
            WebElement verdict = browser.findElement(By.cssSelector("p.verdict"));
            assertThat(verdict.isDisplayed()).isTrue();
            assertThat(verdict.getText()).startsWith("3 findings: the target broke documented rules or shapes");
            assertThat(browser.findElement(By.id("get-job")).getText()).isEqualTo("get-job");
            String table = browser.findElement(By.cssSelector("h2#get-job + table")).getText();
            assertThat(table).contains("msg finding GET-24404").contains("\"Job does not exist\"")
                    .contains("requestId finding ENV-REQUESTID").contains("data finding ENV-ERROR");
            WebElement firstExample = browser.findElement(By.cssSelector("details[open] pre"));
            assertThat(firstExample.isDisplayed()).isTrue();
            assertThat(firstExample.getText()).contains("GET /connect-service/v2.1/ota-jobs?action=get")
                    .contains("apim-accesstoken: ****(22 chars)");
            Path screenshot = Path.of("target", "drift-report.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
