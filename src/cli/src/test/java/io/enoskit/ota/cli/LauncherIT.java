package io.enoskit.ota.cli;

import static io.enoskit.ota.cli.KitProcesses.baseUrlOf;
import static io.enoskit.ota.cli.KitProcesses.createJob;
import static io.enoskit.ota.cli.KitProcesses.linesUntilListening;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes beside the jar ({@code src/cli/target/enos-ota-kit}, from {@code src/main/bin}):
 * the JVM options it gives, read from the JVM it started, and how {@code JAVA_OPTS} and the start-up caches change
 * them. Where only the command line matters, a stand-in {@code java} (a script printing its arguments) runs in
 * place of a JDK, so each rule is checked without starting one.
 */
class LauncherIT {
    private final Path jar = Path.of(System.getProperty("kit.jar"));
    private final Path launcher = jar.resolveSibling("enos-ota-kit");

    @TempDir
    Path work;

    @Test
    void theBuildWritesAnExecutableLauncherBesideTheJar() {
        assertThat(launcher).isRegularFile();
        assertThat(Files.isExecutable(launcher)).as("executable").isTrue();
    }

    /** The README's command: the mock answers, and its JVM runs with the collector settings and the cache. */
    @Test
    void theMockFromTheLauncherAnswersOnTheSerialCollectorWithTheCacheOfThisJdk() throws Exception {
        Process started = start(launcher.toString(), Map.of("JAVA_HOME", System.getProperty("java.home")), "mock",
                "--port", "0");
        try {
            HttpResponse<String> created = createJob(HttpClient.newHttpClient(), baseUrlOf(started));
            assertThat(created.body()).contains("\"code\":0");

            // the launcher exec's java, so the process it started is the JVM
            List<String> jvmArguments = List.of(started.info().arguments().orElseThrow());
            assertThat(jvmArguments).contains("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1", "-jar",
                    jar.toRealPath().toString());
            Path aot = jar.resolveSibling("enos-ota-kit.aot");
            Path jsa = jar.resolveSibling("enos-ota-kit.jsa");
            // the build writes the cache and records this JDK (mvn verify on the JDK that runs these tests)
            assertThat(jar.resolveSibling("enos-ota-kit.cache-jdk")).content().isEqualTo(System.getProperty(
                    "java.home"));
            String expectedCache = Files.exists(aot) ? "-XX:AOTCache=" + aot.toRealPath()
                    : "-XX:SharedArchiveFile=" + jsa.toRealPath();
            assertThat(jvmArguments).containsSubsequence(expectedCache, Files.exists(aot) ? "-Xlog:aot*=off,cds*=off"
                    : "-Xlog:cds*=off", "-jar");
        } finally {
            started.destroy();
            started.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Under heap settings the cache was not written with, the JVM refuses it and starts without it; its five log
     * lines about that (on standard output, amid the kit's own) are off.
     */
    @Test
    void aCacheTheJvmRefusesLeavesNoLinesInTheOutput() throws Exception {
        Process started = start(launcher.toString(), Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS", "-XX:-UseCompressedOops"), "mock", "--port", "0");
        try {
            List<String> output = linesUntilListening(started);

            assertThat(output.getLast()).contains("listening on http://127.0.0.1:");
            assertThat(List.of(started.info().arguments().orElseThrow())).contains("-XX:-UseCompressedOops");
            assertThat(output).noneMatch(line -> line.contains("aot]") || line.contains("cds]"));
        } finally {
            started.destroy();
            started.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void javaOptsComeAfterTheLaunchersOptionsAndBeforeTheJar() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("with space", home.toString());

        // options that begin with Use and end in GC but name no collector; a * is not expanded as a file name
        List<String> arguments = run(kit, Map.of("JAVA_HOME", home.toString(), "JAVA_OPTS",
                "-Xmx256m -XX:+UseNUMA -XX:+UseMaximumCompactionOnSystemGC -Dx=*"), "mock", "--port", "0");

        assertThat(arguments).containsExactly("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1",
                "-XX:AOTCache=" + kit.toRealPath().resolve("enos-ota-kit.aot"), "-Xlog:aot*=off,cds*=off", "-Xmx256m",
                "-XX:+UseNUMA", "-XX:+UseMaximumCompactionOnSystemGC", "-Dx=*", "-jar",
                kit.toRealPath().resolve("enos-ota-kit.jar").toString(), "mock", "--port", "0");
    }

    /** Two collectors on one command line stop the JVM ("Conflicting collector combinations"). */
    @Test
    void aCollectorInJavaOptsReplacesTheLaunchersCollectorSettings() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("kit", home.toString());

        List<String> arguments = run(kit, Map.of("JAVA_HOME", home.toString(), "JAVA_OPTS", "-XX:+UseG1GC"),
                "conform", "--help");

        assertThat(arguments).containsExactly("-XX:AOTCache=" + kit.toRealPath().resolve("enos-ota-kit.aot"),
                "-Xlog:aot*=off,cds*=off", "-XX:+UseG1GC", "-jar",
                kit.toRealPath().resolve("enos-ota-kit.jar").toString(), "conform", "--help");
    }

    /** The java launcher adds JDK_JAVA_OPTIONS itself: a collector there would be a second one. */
    @Test
    void aCollectorInJdkJavaOptionsAlsoReplacesTheLaunchersCollectorSettings() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("kit", home.toString());

        List<String> arguments = run(kit, Map.of("JAVA_HOME", home.toString(), "JDK_JAVA_OPTIONS", "-XX:+UseZGC"),
                "mock");

        assertThat(arguments).doesNotContain("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1")
                .startsWith("-XX:AOTCache=" + kit.toRealPath().resolve("enos-ota-kit.aot"));
    }

    /** A link to the launcher (in ~/bin, say) finds the jar beside the script it points to. */
    @Test
    void aSymbolicLinkToTheLauncherFindsTheJarBesideTheScript() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("kit", home.toString());
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("enos-ota-kit"), Path.of("../kit/enos-ota-kit"));

        String output = finished(bin.resolve("enos-ota-kit"), Map.of("JAVA_HOME", home.toString()), 0, "mock");

        assertThat(output.lines()).containsSubsequence("-XX:AOTCache=" + kit.toRealPath().resolve("enos-ota-kit.aot"),
                "-jar", kit.toRealPath().resolve("enos-ota-kit.jar").toString());
    }

    /** A cache written by another JDK is refused by this one with a warning on every start: it is not passed. */
    @Test
    void aCacheWrittenByAnotherJdkIsLeftOut() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("kit", work.resolve("another-jdk").toString());
        Files.createDirectories(work.resolve("another-jdk"));

        List<String> arguments = run(kit, Map.of("JAVA_HOME", home.toString()), "mock");

        assertThat(arguments).containsExactly("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=1", "-jar",
                kit.toRealPath().resolve("enos-ota-kit.jar").toString(), "mock");
    }

    @Test
    void withoutTheAotCacheTheClassDataSharingArchiveIsPassed() throws Exception {
        Path home = fakeJdk();
        Path kit = kitFolder("kit", home.toString());
        Files.delete(kit.resolve("enos-ota-kit.aot"));
        Files.writeString(kit.resolve("enos-ota-kit.jsa"), "");

        List<String> arguments = run(kit, Map.of("JAVA_HOME", home.toString()), "mock");

        // only the cds log tag: a JDK that writes no AOT cache (21 to 23) has no aot tag and would refuse it
        assertThat(arguments).containsSubsequence("-XX:SharedArchiveFile="
                + kit.toRealPath().resolve("enos-ota-kit.jsa"), "-Xlog:cds*=off", "-jar")
                .doesNotContain("-XX:AOTCache=" + kit.toRealPath().resolve("enos-ota-kit.aot"),
                        "-Xlog:aot*=off,cds*=off");
    }

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildIt() throws Exception {
        Path kit = Files.createDirectories(work.resolve("empty"));
        Files.copy(launcher, kit.resolve("enos-ota-kit"));

        assertThat(refusal(kit, Map.of())).isEqualTo("enos-ota-kit: no "
                + kit.toRealPath().resolve("enos-ota-kit.jar") + " (build it with 'mvn -B -ntp -DskipTests package')");
    }

    /** An older JDK on the PATH (Debian 12's default is 17) gets one line saying what to do, not a Java error. */
    @Test
    void aJdkOlderThan21IsNamedWithWhatToSet() throws Exception {
        for (String[] release : new String[][] {{"17.0.15", "17"}, {"1.8.0_392", "8"}}) {
            Path home = fakeJdk("old-jdk-" + release[1], release[0]);
            Path kit = kitFolder("kit-" + release[1], home.toString());

            assertThat(refusal(kit, Map.of("JAVA_HOME", home.toString()))).isEqualTo("enos-ota-kit: needs a JDK 21"
                    + " or newer, but " + home + "/bin/java is JDK " + release[1]
                    + "; set JAVA_HOME to a newer one (ls /usr/lib/jvm)");
        }
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Path kit = kitFolder("kit", "/nowhere");
        Path notAJdk = Files.createDirectories(work.resolve("not-a-jdk"));

        assertThat(refusal(kit, Map.of("JAVA_HOME", notAJdk.toString()))).isEqualTo("enos-ota-kit: no java in "
                + notAJdk + "/bin; set JAVA_HOME to a JDK 21 or newer (ls /usr/lib/jvm)");
    }

    /** {@code enos-ota-kit mock} from {@code kit} that must end with status 1: what it printed, stripped. */
    private String refusal(Path kit, Map<String, String> environment) throws Exception {
        return finished(kit.resolve("enos-ota-kit"), environment, 1, "mock").strip();
    }

    /** A JDK 25 folder whose bin/java prints its arguments, one per line. */
    private Path fakeJdk() throws IOException {
        return fakeJdk("fake-jdk", "25.0.3");
    }

    private Path fakeJdk(String name, String javaVersion) throws IOException {
        Path bin = Files.createDirectories(work.resolve(name + "/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(work.resolve(name + "/release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion
                + "\"\n");
        return work.resolve(name);
    }

    /** The launcher beside an empty jar and AOT cache, with the cache's JDK recorded as {@code cacheJdk}. */
    private Path kitFolder(String name, String cacheJdk) throws IOException {
        Path kit = Files.createDirectories(work.resolve(name));
        Files.copy(launcher, kit.resolve("enos-ota-kit"));
        Files.writeString(kit.resolve("enos-ota-kit.jar"), "");
        Files.writeString(kit.resolve("enos-ota-kit.aot"), "");
        Files.writeString(kit.resolve("enos-ota-kit.cache-jdk"), cacheJdk);
        return kit;
    }

    private List<String> run(Path kit, Map<String, String> environment, String... args) throws Exception {
        return finished(kit.resolve("enos-ota-kit"), environment, 0, args).lines().toList();
    }

    /** The launcher at {@code program} run to its end, which must come within 30 s with {@code status}: its output. */
    private String finished(Path program, Map<String, String> environment, int status, String... args)
            throws Exception {
        Process process = start(program.toString(), environment, args);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(status);
        return output;
    }

    private Process start(String program, Map<String, String> environment, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(program).directory(work.toFile()).redirectErrorStream(true);
        builder.command().addAll(List.of(args));
        // what the launcher reads from the environment comes from the test alone
        builder.environment().keySet().removeAll(List.of("JAVA_OPTS", "JAVA_HOME", "JDK_JAVA_OPTIONS",
                "JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
