package io.enoskit.ota.conformance;

import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Gateway authentication by the official EnOS Java client (Poseidon, {@code com.envisioniot:apim-poseidon}): instead
 * of sending the request itself, rest-assured hands it to Poseidon's raw mode ({@code url}, {@code method},
 * {@code requestBody}, {@code sync()}), which adds its own credentials. Poseidon is not shipped in the kit's jar (it
 * brings fastjson 1.2.54 and other old libraries); put its jar on the class path to use this mode.
 *
 * <p>Poseidon returns only the body of a 2xx answer, which becomes an HTTP 200 response here. For any other
 * status it throws with the body as message; that becomes status {@value #STATUS_HIDDEN}, since the client
 * hides the real one. Reached by reflection, so the kit compiles and runs without Poseidon.
 */
final class PoseidonTransport implements Filter {
    /** The status given to an answer whose real (non-2xx) status Poseidon does not tell. */
    static final int STATUS_HIDDEN = 599;
    private static final String POSEIDON = "com.envision.apim.poseidon.core.Poseidon";
    private static final String CONFIG = "com.envision.apim.poseidon.config.PConfig";
    private final String appKey;
    private final String appSecret;

    PoseidonTransport(String appKey, String appSecret) {
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    /** True when Poseidon is on the class path. */
    static boolean available() {
        try {
            Class.forName(POSEIDON);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        try {
            Class<?> configClass = Class.forName(CONFIG);
            Object config = configClass.getMethod("init").invoke(null);
            config = configClass.getMethod("appKey", String.class).invoke(config, appKey);
            config = configClass.getMethod("appSecret", String.class).invoke(config, appSecret);
            Class<?> poseidonClass = Class.forName(POSEIDON);
            Object call = poseidonClass.getMethod("config", configClass).invoke(null, config);
            call = poseidonClass.getMethod("url", String.class).invoke(call, request.getURI());
            call = poseidonClass.getMethod("method", String.class).invoke(call, request.getMethod());
            Object body = request.getBody();
            if (body != null) {
                call = poseidonClass.getMethod("requestBody", String.class).invoke(call, body.toString());
            }
            Method sync = poseidonClass.getMethod("sync");
            return answer(200, "HTTP/1.1 200 OK", (String) sync.invoke(call));
        } catch (InvocationTargetException thrown) {
            String message = String.valueOf(thrown.getCause().getMessage());
            return answer(STATUS_HIDDEN, "HTTP/1.1 599 Status hidden by the EnOS client", message);
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException("--auth poseidon needs com.envisioniot:apim-poseidon on the class path", missing);
        }
    }

    private static Response answer(int status, String statusLine, String body) {
        return new ResponseBuilder().setStatusCode(status).setStatusLine(statusLine)
                .setContentType("application/json").setBody(body).build();
    }
}
