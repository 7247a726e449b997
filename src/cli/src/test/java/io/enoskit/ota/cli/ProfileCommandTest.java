package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code profile diff} and {@code profile show}: what a person reads, and the exit codes. */
class ProfileCommandTest {
    private static final String OBSERVED = """
            profile: observed
            settings:
              errors.httpStatus:
                value: 400
                source: observed
                target: https://gw.example
                time: 2026-12-05T08:00:00Z
                exchange: "GET /connect-service/v2.1/ota-jobs?action=get -> HTTP 400 {\\"code\\":24404}"
              create.jobStatus:
                value: stopped
                source: observed
                target: https://gw.example
                time: 2026-12-05T08:00:00Z
                exchange: "POST ...?action=stop -> HTTP 200 {\\"code\\":24616}"
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run kit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void differentValuesAreNamedSettingBySettingWithTheirSources() throws IOException {
        Path observed = file("observed.yaml", OBSERVED);
        Path other = file("other.yaml", OBSERVED.replace("value: 400", "value: 200").replace("  create.jobStatus:\n"
                + "    value: stopped", "  create.jobStatus:\n    value: started"));

        Run run = kit("profile", "diff", observed.toString(), other.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "2 settings differ between A " + observed + " and B " + other + ":",
                "  errors.httpStatus: A 400 (observed on https://gw.example at 2026-12-05T08:00:00Z); B 200 (observed"
                        + " on https://gw.example at 2026-12-05T08:00:00Z)",
                "  create.jobStatus: A stopped (observed on https://gw.example at 2026-12-05T08:00:00Z); B started"
                        + " (observed on https://gw.example at 2026-12-05T08:00:00Z)");
    }

    @Test
    void aSettingOnlyOneSideSetsIsSaidAndABuiltInNameIsAProfile() throws IOException {
        Path observed = file("observed.yaml", OBSERVED);

        Run run = kit("profile", "diff", observed.toString(), "default");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("  errors.httpStatus: A 400 (observed on https://gw.example at"
                        + " 2026-12-05T08:00:00Z); B 200 (inferred (the pages give no HTTP status")
                .contains("  ids.jobId: only in B: hex24 (inferred (the vendor's samples show 24 lowercase hex"
                        + " characters; the pages give no format)); A " + observed + " does not set it")
                .doesNotContain("create.jobStatus");
    }

    @Test
    void equalValuesFromOtherSourcesAreNoDifference() throws IOException {
        Path observed = file("observed.yaml", OBSERVED);
        Path again = file("again.yaml", OBSERVED.replace("https://gw.example", "http://localhost:8080"));

        Run run = kit("profile", "diff", observed.toString(), again.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("A " + observed + " and B " + again + " set the same values (2 settings)."
                + System.lineSeparator());
    }

    @Test
    void aBadProfileIsAUsageErrorNamingTheFileTheSettingAndTheValues() throws IOException {
        Path bad = file("bad.yaml", OBSERVED.replace("value: 400", "value: 700"));

        Run run = kit("profile", "diff", bad.toString(), "default");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: profile " + bad + ": errors.httpStatus must be an HTTP status from"
                + " 200 to 599, was 700");
        assertThat(kit("profile", "diff", dir.resolve("missing.yaml").toString(), "default").err())
                .startsWith("error: profile " + dir.resolve("missing.yaml") + ": no such file");
    }

    @Test
    void showPrintsTheStackedProfileInForce() throws IOException {
        Path observed = file("observed.yaml", OBSERVED);

        Run run = kit("profile", "show", observed.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("profile default + observed")
                .contains("errors.httpStatus = 400  [observed on https://gw.example at 2026-12-05T08:00:00Z; from "
                        + observed + "]")
                .contains("ids.jobId = hex24  [inferred (");
    }

    @Test
    void showOfTheDefaultProfileNamesItOnce() {
        Run run = kit("profile", "show", "default");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("profile default\n")
                .contains("ids.jobId = hex24  [inferred (");
        assertThat(kit("profile", "show", "enos-2.2", "default").out())
                .startsWith("profile default + enos-2.2 + default\n");
    }
}
