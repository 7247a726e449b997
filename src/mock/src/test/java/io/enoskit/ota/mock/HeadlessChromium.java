package io.enoskit.ota.mock;

import java.io.File;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one way the mock module's browser tests launch Debian's Chromium: headless, without sandbox, GPU or background
 * networking, through its chromedriver. Needs {@code apt-get install chromium chromium-driver} ({@code .ci/run}
 * installs them); {@code CHROME_BIN} and {@code CHROMEDRIVER} name other paths.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    /** A new browser; the caller quits it. */
    public static ChromeDriver start() {
        ChromeOptions chrome = new ChromeOptions().setBinary(executable("CHROME_BIN", "chromium",
                "chromium-browser", "google-chrome"));
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1600");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "chromedriver"))).usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, chrome);
    }

    /** The first of the names found on PATH, or the path an environment variable gives. */
    private static String executable(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Optional<String> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> new File(dir, name)))
                .filter(File::canExecute).map(File::getPath).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no " + String.join(" or ", names) + " on PATH:"
                + " this test drives a real browser; install chromium and chromium-driver (Debian) or set "
                + variable));
    }
}
