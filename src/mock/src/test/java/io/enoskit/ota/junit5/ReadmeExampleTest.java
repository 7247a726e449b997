package io.enoskit.ota.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's JUnit 5 examples are the consumer project's test classes, which the build compiles and runs against
 * the installed library (maven-invoker-plugin): so each example in the README compiles and passes.
 */
class ReadmeExampleTest {
    @Test
    void theExtensionsExampleIsOtaJobsTest() throws IOException {
        assertTheReadmeShows("import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;", "OtaJobsTest.java");
    }

    @Test
    void theAnnotationsExampleIsDeclaredMockTest() throws IOException {
        assertTheReadmeShows("import static org.junit.jupiter.api.Assertions.assertEquals;\n"
                + "import static org.junit.jupiter.api.Assertions.assertTrue;\n\n"
                + "import io.enoskit.ota.junit5.OtaMockRuntimeInfo;", "DeclaredMockTest.java");
    }

    private static void assertTheReadmeShows(String firstLines, String consumerFile) throws IOException {
        Path root = Path.of(System.getProperty("kit.root", "../.."));
        String readme = Files.readString(root.resolve("README.md"));
        String opening = "```java\n" + firstLines;
        int start = readme.indexOf(opening);
        assertThat(start).as("the README has the example of " + consumerFile).isNotNegative();
        String example = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 8));

        String consumer = Files.readString(root.resolve(
                "src/mock/src/it/junit5-consumer/src/test/java/com/example/sdk/" + consumerFile));

        assertThat(consumer).isEqualTo("package com.example.sdk;\n\n" + example);
    }
}
