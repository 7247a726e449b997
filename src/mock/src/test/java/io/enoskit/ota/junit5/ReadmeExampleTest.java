package io.enoskit.ota.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's JUnit 5 example is the consumer project's {@code OtaJobsTest}, which the build compiles and runs
 * against the installed library (maven-invoker-plugin): so the example in the README compiles and passes.
 */
class ReadmeExampleTest {
    @org.junit.jupiter.api.Test
    void theReadmesExampleIsTheConsumerProjectsTest() throws IOException {
        Path root = Path.of(System.getProperty("kit.root", "../.."));
        String readme = Files.readString(root.resolve("README.md"));
        String opening = "```java\nimport static com.github.tomakehurst.wiremock.client.WireMock.equalTo;";
        int start = readme.indexOf(opening);
        assertThat(start).as("the README has the example").isNotNegative();
        String example = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 8));

        String consumer = Files.readString(root.resolve(
                "src/mock/src/it/junit5-consumer/src/test/java/com/example/sdk/OtaJobsTest.java"));

        assertThat(consumer).isEqualTo("package com.example.sdk;\n\n" + example);
    }
}
