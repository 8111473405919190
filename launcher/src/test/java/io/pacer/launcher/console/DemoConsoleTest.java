package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.number;
import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.launcher.DemoCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * {@code pacer demo} prints the console's address with a supervisor's token in its fragment; opened in a real
 * headless Chromium, that one address shows the demo's floor, signed in, with its virtual agents at work.
 */
class DemoConsoleTest {

    private static final Pattern URL = Pattern.compile("console \\(signed in as the supervisor\\): (http://127\\.0\\.0\\.1:\\d+/#token=[0-9a-f]+)");

    @Test
    void theDemoPrintsAConsoleUrlThatOpensItsFloorSignedIn() throws Exception {
        // The browser starts first: on a loaded machine its start alone can outlast the demo's bounded run.
        WebDriver browser = HeadlessChromium.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exit.set(DemoCommand.run(new String[] {"--seconds", "15", "--agents", "4", "--port", "0"}, out)));
        demo.start();
        String url = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (url == null && System.currentTimeMillis() < deadline && demo.isAlive()) {
            Matcher m = URL.matcher(printed.toString(StandardCharsets.UTF_8));
            url = m.find() ? m.group(1) : null;
            Thread.sleep(50);
        }
        try {
            assertTrue(url != null, "no console URL in:\n" + printed.toString(StandardCharsets.UTF_8));
            browser.get(url);
            By loggedIn = By.cssSelector("[data-campaign='1'] [data-field='live.agentsLoggedIn']");
            waiting(browser, 20).until(b -> number(b, loggedIn) == 4);
            waiting(browser, 20).until(b -> number(b, By.cssSelector("[data-campaign='1'] [data-field='live.dials']")) > 0);
            assertEquals(4, browser.findElements(By.cssSelector("#agents tbody tr")).size());
            assertTrue(browser.getCurrentUrl().endsWith("/"), "the token left the address bar: " + browser.getCurrentUrl());
            if (System.getProperty("console.screenshots") != null) {
                // Let predictive pacing leave its warm-up so the picture shows a floor at work.
                Thread.sleep(6_000);
                HeadlessChromium.screenshot(browser, "console-floor");
                // The agent grid, below the tile: states, calls today, talk and wrap-up averages.
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "document.getElementById('agents').scrollIntoView({block: 'center'})");
                Thread.sleep(1_500);
                HeadlessChromium.screenshot(browser, "console-agents");
            }
        } finally {
            browser.quit();
        }
        demo.join(60_000);
        assertEquals(0, exit.get(), printed.toString(StandardCharsets.UTF_8));
    }
}
