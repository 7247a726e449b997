package io.enoskit.ota.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the features of {@code features/} against the kit's in-process mock (other targets: the {@code conform}
 * command).
 * Reports: {@code target/cucumber/} (report.html, junit.xml, summary.txt, scenarios.tsv).
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.enoskit.ota.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.enoskit.ota.conformance")
public class RunCucumberTest {
}
