package io.enoskit.ota.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the features of {@code features/} against the kit's mock, or against {@code -Dota.baseUrl=...}.
 * Reports: {@code target/cucumber/} (report.html, junit.xml, summary.txt, scenarios.tsv).
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("io/enoskit/ota/features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.enoskit.ota.conformance")
public class RunCucumberTest {
}
