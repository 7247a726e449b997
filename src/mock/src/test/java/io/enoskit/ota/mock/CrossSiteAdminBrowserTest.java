package io.enoskit.ota.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A web page on another origin, in a real headless Chromium, tries what any page a user has open could: "simple"
 * cross-origin POSTs (no preflight, {@code mode: 'no-cors'}, {@code text/plain}) to the kit's admin routes and to
 * WireMock's own. It cannot read the answers; the test checks that nothing happened. The same page against a plain
 * WireMock shows that the browser does send them and that they act there (the page is no dud).
 *
 * <p>Needs Chromium and its chromedriver (Debian: {@code apt-get install chromium chromium-driver}; {@code .ci/run}
 * installs them; {@code CHROME_BIN} and {@code CHROMEDRIVER} name other paths).
 */
class CrossSiteAdminBrowserTest {
    private static final String CREATE = "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId"
            + "&firmwareId=yourFirmwareId";
    private static WireMockServer attacker;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowserAndAttacker() {
        attacker = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        attacker.start();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (attacker != null) {
            attacker.stop();
        }
    }

    @Test
    void aPageOfAnotherOriginChangesNothingOnTheAdminApi() {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            RunningMock.api(mock).body(Bodies.upgrade()).post(CREATE).then().body("code", equalTo(0));
            int mappings = mappingCount(mock.baseUrl());

            visitAttackPage(mock.baseUrl());

            given().baseUri(mock.baseUrl()).get("/__admin/ota/clock").then().statusCode(200)
                    .body("advancedSeconds", equalTo(0)).body("frozen", equalTo(false));
            given().baseUri(mock.baseUrl()).get("/__admin/ota/state").then().body("counts.jobs", equalTo(1));
            assertThat(mappingCount(mock.baseUrl())).isEqualTo(mappings);
            RunningMock.api(mock).body(Bodies.upgrade()).post(CREATE).then().body("code", equalTo(0))
                    .body("msg", equalTo("OK"));
        }
    }

    @Test
    void theSamePageTakesOverAPlainWireMock() {
        WireMockServer plain = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        plain.start();
        try {
            visitAttackPage(plain.baseUrl());

            given().baseUri(plain.baseUrl()).contentType(ContentType.JSON).body("{}").post(CREATE).then()
                    .body("msg", equalTo("hijacked"));
        } finally {
            plain.stop();
        }
    }

    /** Opens the attacker's page, which posts to the target and sets its title once every request has settled. */
    private static void visitAttackPage(String target) {
        attacker.stubFor(get("/attack.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(attackPage(target))));
        // another host name as well as another port: "localhost" and "127.0.0.1" are different sites
        browser.get("http://localhost:" + attacker.port() + "/attack.html");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(page -> "sent".equals(page.getTitle()));
    }

    private static String attackPage(String target) {
        String hijack = "{\"priority\":1,\"request\":{\"method\":\"ANY\",\"urlPathPattern\":\"/connect-service/.*\"},"
                + "\"response\":{\"status\":200,\"body\":\"{\\\"code\\\":0,\\\"msg\\\":\\\"hijacked\\\"}\","
                + "\"headers\":{\"Content-Type\":\"application/json\"}}}";
        return """
                <!doctype html><html><head><title>loading</title></head><body><script>
                const target = '%s';
                const simple = body => ({mode: 'no-cors', method: 'POST', headers: {'Content-Type': 'text/plain'}, body});
                Promise.allSettled([
                  fetch(target + '/__admin/ota/clock', simple('{"advanceSeconds":31536000,"frozen":true}')),
                  fetch(target + '/__admin/mappings', simple(JSON.stringify(%s))),
                  fetch(target + '/__admin/ota/reset', {mode: 'no-cors', method: 'POST'}),
                ]).then(() => { document.title = 'sent'; });
                </script></body></html>
                """.formatted(target, hijack);
    }

    private static int mappingCount(String baseUrl) {
        return given().baseUri(baseUrl).get("/__admin/mappings").then().statusCode(200).extract()
                .path("meta.total");
    }
}
