package io.enoskit.ota.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the mock of the EnOS OTA Job API for a test class, declared rather than built, as {@code @WireMockTest} does
 * for WireMock. The mock starts once for the class on a free loopback port, is reset before each test, and a test
 * method takes its {@link OtaMockRuntimeInfo} (base URL, port, state) as a parameter:
 * <pre>{@code
 * @OtaMockTest(enosVersion = "2.3", failOnContractViolations = true)
 * class OtaJobsTest {
 *     @Test
 *     void createsAJob(OtaMockRuntimeInfo mock) { ... mock.baseUrl() ... }
 * }
 * }</pre>
 * The settings not offered here ({@code MockOptions}, state kept between tests) need the programmatic
 * {@link OtaMockExtension#newInstance()} in a {@code @RegisterExtension} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OtaMockExtension.class)
public @interface OtaMockTest {
    /**
     * Behaviour profiles, built-in names ({@code enos-2.3}) or YAML files, stacked on the default profile in order
     * ({@link OtaMockExtension.Builder#profile(String...)}); none: the default profile.
     */
    String[] profile() default {};

    /**
     * The EnOS release the mock serves ({@code 2.2}, {@code 2.3}, {@code 2.4}, {@code 3.0}), stacked over the
     * profiles so it wins over a file's {@code enos.version} ({@link OtaMockExtension.Builder#enosVersion(String)});
     * empty: the profile's release.
     */
    String enosVersion() default "";

    /**
     * Fail each test whose client sent a request the contract refuses
     * ({@link OtaMockExtension.Builder#failOnContractViolations()}).
     */
    boolean failOnContractViolations() default false;
}
