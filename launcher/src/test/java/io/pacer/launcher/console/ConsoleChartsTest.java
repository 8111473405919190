package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The floor's shift charts in a real headless Chromium against a live Pacer dialling the loopback world: uPlot,
 * served from its WebJar by Pacer itself, draws the four charts of the tile, and the points they plot are the
 * server's samples of {@code GET /api/v1/console/history/{id}}, refreshed while the page stays open.
 */
class ConsoleChartsTest {

    private static final By CHARTS = By.cssSelector("[data-campaign='1'] .chart");

    @TempDir
    Path directory;
    private DemoFloor floor;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(400));
        floor = DemoFloor.start(new DemoFloor.Settings(3, DialMode.PROGRESSIVE, customers, LongSampler.fixed(50), true,
                2_000, 0), directory);
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        floor.close();
    }

    @Test
    void theTilesChartsPlotTheServersSamplesAndGrowWhileThePageIsOpen() throws Exception {
        browser.get(floor.supervisorUrl());
        waiting(browser, 30).until(b -> b.findElements(CHARTS).size() == 4);
        List<String> names = new ArrayList<>();
        for (WebElement chart : browser.findElements(CHARTS)) {
            names.add(chart.getAttribute("data-chart"));
            assertTrue(!chart.findElements(By.cssSelector("canvas")).isEmpty(), "uPlot drew " + names);
        }
        assertEquals(List.of("abandonment", "occupancy", "ratios", "agents"), names);
        String legend = browser.findElement(By.cssSelector("[data-chart='abandonment'] .u-legend")).getText();
        assertTrue(legend.contains("window") && legend.contains("cap"), legend);

        // The server samples every 15 s from start; the page fetches again each period, so a second point arrives.
        waiting(browser, 50).until(b -> points(b) >= 2);
        ApiHarness api = ApiHarness.client(floor.pacer().api().port(), floor.supervisorToken());
        JsonNode history = api.get("/api/v1/console/history/1", floor.supervisorToken()).json();
        List<Long> served = new ArrayList<>();
        history.get("atMillis").forEach(t -> served.add(t.asLong()));
        WebElement abandonment = browser.findElement(By.cssSelector("[data-chart='abandonment']"));
        long last = Long.parseLong(abandonment.getAttribute("data-last"));
        assertTrue(served.contains(last), "the chart's last point " + last + " is one the server sampled: " + served);
        assertTrue(served.size() >= points(browser), "the page plots no point the server does not have");
        // The campaign dials with agents logged in: occupancy and the agents' chart hold real values, not gaps.
        assertTrue(history.get("agentsOnCall").size() >= 2);
        double loggedIn = 0;
        int lastIndex = history.get("atMillis").size() - 1;
        for (String state : List.of("agentsReady", "agentsOnCall", "agentsWrapUp", "agentsPaused")) {
            loggedIn += history.get(state).get(lastIndex).asDouble();
        }
        assertTrue(loggedIn > 0, "the last sample counts the demo's agents: " + history);
    }

    private static int points(WebDriver browser) {
        String value = browser.findElement(By.cssSelector("[data-chart='abandonment']")).getAttribute("data-points");
        return value == null ? 0 : Integer.parseInt(value);
    }
}
