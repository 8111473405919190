package io.pacer.launcher.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium in headless mode, driven by Debian's chromedriver through Selenium: both binaries are named,
 * so Selenium never looks for (or downloads) a browser of its own. {@code .ci/run} installs the packages
 * {@code chromium} and {@code chromium-driver}.
 */
public final class HeadlessChromium {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    public static WebDriver start() {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new AssertionError("the console's browser tests need Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1500,1100", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public static WebDriverWait waiting(WebDriver browser, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }

    /** The {@code data-value} of the first element matching, or {@code null} when there is none yet. */
    static String value(WebDriver browser, By element) {
        var found = browser.findElements(element);
        return found.isEmpty() ? null : found.get(0).getAttribute("data-value");
    }

    /** A numeric {@code data-value}, or -1 while the element or its value is not there yet. */
    static double number(WebDriver browser, By element) {
        String v = value(browser, element);
        return v == null || v.isEmpty() ? -1 : Double.parseDouble(v);
    }

    /**
     * Saves a screenshot as {@code docs/NAME.png} when the build is asked to ({@code -Dconsole.screenshots=DIR});
     * an ordinary test run writes nothing.
     */
    static void screenshot(WebDriver browser, String name) throws IOException {
        String dir = System.getProperty("console.screenshots");
        if (dir == null || dir.isEmpty()) {
            return;
        }
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), Path.of(dir, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
