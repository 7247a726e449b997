package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.enoskit.ota.contract.Json;
import io.restassured.http.ContentType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock's admin routes under /__admin/ota: seed firmware, inspect jobs, complete a verification, reset. */
class AdminApiHttpTest {
    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    @Test
    void theDefaultStateHoldsTheTwoSampleFirmwares() {
        admin().get("/orgs/yourOrgId/firmwares").then().statusCode(200)
                .body("firmwares.firmwareId", Matchers.contains("yourFirmwareId", "unverifiedFirmwareId"))
                .body("firmwares[1].enableVerification", equalTo(true))
                .body("firmwares[1].isVerified", equalTo(false))
                .body("firmwares[0].maxAllowedForVerification", equalTo(5));
        admin().get("/state").then().statusCode(200)
                .body("counts.firmwares", equalTo(2)).body("maxAllowedForVerification", equalTo(5));
    }

    @Test
    void anAddedFirmwareCanBeUsedAndItsLimitApplies() {
        admin().contentType(ContentType.JSON)
                .body(Json.write(Map.of("name", "bench", "version", "3.0", "maxAllowedForVerification", 2)))
                .put("/orgs/labOrg/firmwares/fw-3").then().statusCode(200)
                .body("orgId", equalTo("labOrg")).body("firmwareId", equalTo("fw-3"));

        RunningMock.api().body(Bodies.verification(3))
                .post(RunningMock.JOBS + "?action=create&orgId=labOrg&firmwareId=fw-3").then()
                .body("code", equalTo(24612)).body("msg", equalTo("Exceeded max verification deviceKeys, max[2]"));
    }

    @Test
    void aCompletedVerificationLetsTheUpgradeThrough() {
        String create = RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=unverifiedFirmwareId";
        RunningMock.api().body(Bodies.upgrade()).post(create).then().body("code", equalTo(24610));
        String verification = RunningMock.api().body(Bodies.verification(2)).post(create).then()
                .body("code", equalTo(0)).extract().path("data.jobId");

        admin().post("/orgs/yourOrgId/jobs/" + verification + "/complete-verification").then().statusCode(200)
                .body("firmware.isVerified", equalTo(true));

        RunningMock.api().body(Bodies.upgrade()).post(create).then().body("code", equalTo(0));
        admin().get("/orgs/yourOrgId/jobs").then().body("jobs", hasSize(2))
                .body("jobs.type", Matchers.contains("verify", "upgrade"));
    }

    @Test
    void completingAnUnknownJobIs404AndAnUpgradeJobIs409() {
        admin().post("/orgs/yourOrgId/jobs/5ee1a91029b990001b9c188e/complete-verification").then()
                .statusCode(404).body("error", equalTo("Job not found"));
        String upgrade = RunningMock.api().body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .extract().path("data.jobId");

        admin().post("/orgs/yourOrgId/jobs/" + upgrade + "/complete-verification").then()
                .statusCode(409).body("error", containsString("upgrade job"));
    }

    @Test
    void theAdminPrefixWithoutARouteIs404ListingTheRoutes() {
        for (String path : new String[] {"/__admin/ota", "/__admin/ota/", "/__admin/ota/nope"}) {
            given().baseUri(RunningMock.get().baseUrl()).get(path).then().statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error", startsWith("no admin route GET " + path + "; the routes under /__admin/ota are:"
                            + " GET /state, GET /profile, POST /reset,"));
        }
    }

    @Test
    void wireMocksAdminNotFoundsAreJsonNamingThePath() {
        String unknownId = "/__admin/mappings/00000000-0000-0000-0000-000000000000";
        String[][] requests = {{"GET", "/__admin/nope"}, {"GET", "/__admin/ota-x"}, {"GET", unknownId},
                {"DELETE", unknownId}};
        for (String[] request : requests) {
            given().baseUri(RunningMock.get().baseUrl()).request(request[0], request[1]).then().statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("error", equalTo(request[0] + " " + request[1] + ": nothing here (HTTP 404); the kit's"
                            + " admin routes are under /__admin/ota/, WireMock's are described at /__admin/docs"));
        }
    }

    @Test
    void badFirmwareBodiesAre400AndNameTheProblem() {
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"enableVerfication\":true}")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("enableVerfication"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"maxAllowedForVerification\":0}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("maxAllowedForVerification must be at least 1"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\"}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("version is required"));
        admin().contentType(ContentType.JSON).body("{\"name\":12,\"version\":\"1\"}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("field 'name' has the wrong type"));
        admin().contentType(ContentType.JSON).body("[1]")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("JSON object"));
        admin().contentType(ContentType.JSON).body("{")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("well-formed"));
        admin().get("/orgs/o/firmwares").then().body("firmwares", hasSize(0));
    }

    @Test
    void pathIdsArePercentDecodedLikeTheApisQueryParameters() {
        admin().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\"}")
                .put("/orgs/lab%20org/firmwares/fw%C3%A9").then().statusCode(200)
                .body("orgId", equalTo("lab org")).body("firmwareId", equalTo("fw\u00e9"));

        RunningMock.api().queryParam("action", "create").queryParam("orgId", "lab org")
                .queryParam("firmwareId", "fw\u00e9").body(Bodies.upgrade()).post(RunningMock.JOBS)
                .then().body("code", equalTo(0));
    }

    @Test
    void aPlusInAPathIdStaysAPlusAsInAnyUrlPath() {
        admin().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\"}")
                .put("/orgs/a+b/firmwares/f%2Bg").then().statusCode(200)
                .body("orgId", equalTo("a+b")).body("firmwareId", equalTo("f+g"));
    }

    @Test
    void firmwareErrorsNameTheFieldWithoutJavaNames() {
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":[]}").put("/orgs/o/firmwares/f").then()
                .statusCode(400).body("error", containsString("field 'version' has the wrong type"))
                .body("error", Matchers.not(containsString("java.")));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"maxAllowedForVerification\":2.5}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("maxAllowedForVerification"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"bogus\":1}").put("/orgs/o/firmwares/f").then()
                .statusCode(400).body("error", containsString("unknown field 'bogus'"))
                .body("error", Matchers.not(containsString("io.enoskit")));
    }

    @Test
    void anUnknownFieldIsAnsweredWithTheFieldsTheBodyTakesLessThoseOfThePath() {
        String error = admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"bogus\":1}")
                .put("/orgs/o/firmwares/f").then().statusCode(400).extract().path("error");
        String known = error.substring(error.indexOf("(known: ") + "(known: ".length(), error.lastIndexOf(')'));

        assertThat(known.split(", ")).contains("name", "version", "enableVerification", "isVerified",
                "maxAllowedForVerification", "productKey", "minSuccessForVerified", "createTime")
                .doesNotContain("orgId", "firmwareId");
    }

    @Test
    void aFieldOfTheWrongTypeIsAnsweredWithTheTypeItTakes() {
        admin().contentType(ContentType.JSON).body("{\"name\":12,\"version\":\"1\"}").put("/orgs/o/firmwares/f")
                .then().statusCode(400).body("error", equalTo("the firmware is not valid: field 'name' has the wrong"
                        + " type (it takes a string)"));
        admin().contentType(ContentType.JSON).body("{\"productKey\":\"p\",\"tags\":[]}").put("/orgs/o/devices/d")
                .then().statusCode(400).body("error", containsString("field 'tags' has the wrong type (it takes an"
                        + " object)"));
    }

    @Test
    void resetDropsJobsAndAddedFirmware() {
        RunningMock.api().body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .body("code", equalTo(0));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\"}").put("/orgs/o/firmwares/f").then()
                .statusCode(200);

        admin().post("/reset").then().statusCode(200).body("counts.jobs", equalTo(0))
                .body("counts.firmwares", equalTo(2));
    }

    @Test
    void resetRunsAClockFrozenThroughTheAdminRouteAgain() {
        admin().contentType(ContentType.JSON).body("{\"advanceSeconds\":3600,\"frozen\":true}").post("/clock").then()
                .statusCode(200).body("frozen", equalTo(true)).body("advancedSeconds", equalTo(3600));

        admin().post("/reset").then().statusCode(200);

        admin().get("/clock").then().body("frozen", equalTo(false)).body("advancedSeconds", equalTo(0));
    }

    /**
     * An admin request with a body is read asynchronously by the body filter and dispatched on; Jetty hands that
     * async dispatch to the API context too (mapped at /), which must leave it alone: when it answered as well, the
     * second answer hit the finished response and Jetty dropped the keep-alive connection without a word, so the
     * client's next request on it got no answer.
     */
    @Test
    void twoAdminRequestsWithBodiesOnOneKeepAliveConnectionBothGetAnswers() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RunningMock.get().port())) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String device : List.of("keepAlive1", "keepAlive2")) {
                byte[] body = "{\"productKey\":\"p\",\"firmwareVersion\":\"1.0\",\"outcomes\":[\"succeed\"]}"
                        .getBytes(StandardCharsets.UTF_8);
                String head = "PUT /__admin/ota/orgs/keepAliveOrg/devices/" + device + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
                String answer = readAnswer(in);
                MatcherAssert.assertThat("the answer to PUT " + device, answer,
                        Matchers.startsWith("HTTP/1.1 200"));
                MatcherAssert.assertThat(answer, containsString("\"deviceKey\":\"" + device + "\""));
            }
        }
        admin().get("/orgs/keepAliveOrg/devices").then().statusCode(200).body("devices", hasSize(2));
    }

    /** One HTTP/1.1 answer, head and body (Content-Length or chunked); "" when the server closed instead. */
    private static String readAnswer(InputStream in) throws IOException {
        String head = readLine(in);
        if (head == null) {
            return "";
        }
        StringBuilder answer = new StringBuilder(head).append("\r\n");
        int length = -1;
        boolean chunked = false;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            answer.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        answer.append("\r\n");
        if (chunked) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0;
                 size = Integer.parseInt(readLine(in).trim(), 16)) {
                answer.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                readLine(in);
            }
            readLine(in);
        } else if (length > 0) {
            answer.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return c == -1 && line.length() == 0 ? null : line.toString();
    }
}
