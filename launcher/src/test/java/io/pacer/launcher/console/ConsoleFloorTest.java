package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.number;
import static io.pacer.launcher.console.HeadlessChromium.value;
import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The supervisor's floor in a real headless Chromium against a live Pacer (core, SIP adapter, storage and API)
 * dialling the loopback world: the figures move while calls flow, and each one equals what
 * {@code GET /api/v1/campaigns/{id}/stats} says; the role in the token decides what is shown.
 */
class ConsoleFloorTest {

    private static final By DIALS = By.cssSelector("[data-campaign='1'] [data-field='live.dials']");

    @TempDir
    static Path directory;
    private static DemoFloor floor;
    private static WebDriver browser;
    private static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(400));
        floor = DemoFloor.start(new DemoFloor.Settings(3, DialMode.PROGRESSIVE, customers, LongSampler.fixed(50), true,
                2_000, 0), directory);
        api = ApiHarness.client(floor.pacer().api().port(), "not-used");
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (floor != null) {
            floor.close();
        }
    }

    @Test
    void theFloorsFiguresUpdateWhileCallsFlowAndEqualTheStatsRouteAndASupervisorPausesAnAgent() throws Exception {
        browser.get("about:blank");
        browser.get(floor.supervisorUrl());
        waiting(browser, 30).until(b -> number(b, DIALS) >= 5);
        double first = number(browser, DIALS);
        waiting(browser, 30).until(b -> number(b, DIALS) >= first + 5);
        assertTrue(browser.findElement(By.id("floor")).isDisplayed());
        assertFalse(browser.findElement(By.id("desktop")).isDisplayed());
        waiting(browser, 10).until(b -> b.findElements(By.cssSelector("#agents tbody tr")).size() == 3);
        for (WebElement row : browser.findElements(By.cssSelector("#agents tbody tr"))) {
            String state = row.findElement(By.cssSelector("[data-field='state']")).getAttribute("data-value");
            assertTrue(Set.of("READY", "RESERVED", "ON_CALL", "WRAP_UP").contains(state), state);
            assertTrue(row.findElement(By.cssSelector("[data-field='time']")).getText().matches("\\d+:\\d\\d"));
        }

        assertEquals(200, api.post("/api/v1/campaigns/1/stop", floor.supervisorToken(), "").status());
        JsonNode stats = settledStats();
        long fetchedMillis = System.currentTimeMillis();
        waiting(browser, 10).until(b -> Long.parseLong(value(b, By.id("updated"))) > fetchedMillis);
        List<WebElement> figures = browser.findElements(By.cssSelector("[data-campaign='1'] [data-field]"));
        int compared = 0;
        for (WebElement figure : figures) {
            String field = figure.getAttribute("data-field");
            if (Set.of("caps", "occupancy", "dialMode").contains(field)) {
                continue;
            }
            JsonNode expected = stats.at("/" + field.replace('.', '/'));
            assertShown(field, expected, figure.getAttribute("data-value"));
            compared++;
        }
        assertTrue(compared >= 25, "compared " + compared + " figures");
        JsonNode live = stats.get("live");
        assertTrue(live.get("dials").asLong() > first, stats.toString());
        assertEquals(live.get("dials").asText(), browser.findElement(DIALS).getText());
        double working = live.get("agentsLoggedIn").asDouble() - live.get("agentsPaused").asDouble();
        assertShown("occupancy", ApiHarness.JSON.getNodeFactory().numberNode(
                (live.get("agentsOnCall").asDouble() + live.get("agentsWrapUp").asDouble()) / working),
                value(browser, By.cssSelector("[data-campaign='1'] [data-field='occupancy']")));
        // The core names modes in lower case, storage and the API in upper case.
        assertEquals(live.get("dialMode").asText().toUpperCase(java.util.Locale.ROOT),
                value(browser, By.cssSelector("[data-campaign='1'] [data-field='dialMode']")));
        assertEquals(stats, api.get("/api/v1/campaigns/1/stats", floor.supervisorToken()).json(),
                "the floor was compared with a state that did not move");

        // The grid's figures for today (rows are written near the viewport: the supervisor looks at the grid) equal
        // what the agents route reads from the core, and the agents' calls add up to the campaign's bridged calls.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('agents').scrollIntoView()");
        long gridFetchedMillis = System.currentTimeMillis();
        waiting(browser, 10).until(b -> Long.parseLong(value(b, By.id("updated"))) > gridFetchedMillis);
        JsonNode agents = api.get("/api/v1/agents", floor.supervisorToken()).json().get("agents");
        long callsToday = 0;
        for (JsonNode a : agents) {
            WebElement row = browser.findElement(By.cssSelector("#agents tr[data-agent='" + a.get("agentId").asLong() + "']"));
            for (String field : List.of("callsToday", "talkAverageMillis", "wrapUpAverageMillis", "campaignId")) {
                assertShown(a.get("name").asText() + " " + field, a.get(field),
                        row.findElement(By.cssSelector("[data-field='" + field + "']")).getAttribute("data-value"));
            }
            callsToday += a.get("callsToday").asLong();
            if (a.get("callsToday").asLong() > 0) {
                // The loopback customers talk 400 ms and the virtual agents wrap up in 50 ms.
                long talk = a.get("talkAverageMillis").asLong();
                long wrap = a.get("wrapUpAverageMillis").asLong();
                assertTrue(talk >= 300 && talk < 5_000, a.toString());
                assertTrue(wrap >= 30 && wrap < 5_000, a.toString());
                assertTrue(row.findElement(By.cssSelector("[data-field='talkAverageMillis']")).getText().matches("0:0\\d"),
                        "shown as m:ss: " + a);
            }
        }
        assertEquals(live.get("connects").asLong(), callsToday, agents.toString());
        assertTrue(callsToday >= 5, agents.toString());

        // The grid's Pause, with a reason: the core pauses agent 2 (no call up now, so at once) and the grid says so.
        WebElement reason = browser.findElement(By.id("grid-pause-reason"));
        reason.clear();
        reason.sendKeys("7");
        By agent2 = By.cssSelector("#agents tr[data-agent='2']");
        browser.findElement(agent2).findElement(By.cssSelector("[data-action='pause']")).click();
        waiting(browser, 10).until(b -> "PAUSED".equals(b.findElement(agent2).findElement(By.cssSelector("[data-field='state']"))
                .getAttribute("data-value")));
        waiting(browser, 10).until(b -> "7".equals(value(b, By.cssSelector("#agents tr[data-agent='2'] [data-field='pauseReason']"))));
        JsonNode desk = api.get("/api/v1/agents/me", floor.agentToken(1)).json().get("agent");
        assertEquals("PAUSED", desk.get("state").asText());
        assertEquals(7, desk.get("pauseReason").asInt());
        assertNotEquals("PAUSED", api.get("/api/v1/agents/me", floor.agentToken(0)).json().get("agent").get("state").asText(),
                "only the agent paused is paused");
        assertEquals(404, api.post("/api/v1/agents/4/pause", floor.supervisorToken(), "").status(), "user 4 is the supervisor");
        assertEquals(403, api.post("/api/v1/agents/1/pause", floor.agentToken(1), "").status(), "agents pause only themselves");
    }

    @Test
    void aBadTokenIsRefusedAtSignInAndAnAgentsTokenOpensTheDesktopNotTheFloor() {
        browser.get("about:blank");
        browser.get(floor.consoleUrl());
        // The browser is shared with the other test: forget a sign-in it kept.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.navigate().refresh();
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("sign-in-button")).click();
        waiting(browser, 10).until(b -> b.findElement(By.id("sign-in-error")).getText().contains("not valid"));
        assertFalse(browser.findElement(By.id("floor")).isDisplayed());

        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(floor.agentToken(0));
        browser.findElement(By.id("sign-in-button")).click();
        waiting(browser, 10).until(b -> b.findElement(By.id("desktop")).isDisplayed());
        assertFalse(browser.findElement(By.id("floor")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("[data-campaign]")).isEmpty(), "an agent sees no campaign tile");
        assertTrue(browser.findElement(By.id("who")).getText().startsWith("agent-1"));
    }

    /** The campaign's stats once two readings a second apart agree and no call is up. */
    private JsonNode settledStats() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode before = api.get("/api/v1/campaigns/1/stats", floor.supervisorToken()).json();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1_200);
            JsonNode now = api.get("/api/v1/campaigns/1/stats", floor.supervisorToken()).json();
            JsonNode live = now.get("live");
            int up = live.get("callsRinging").asInt() + live.get("callsWaitingForAgent").asInt() + live.get("agentsOnCall").asInt();
            if (now.equals(before) && up == 0) {
                return now;
            }
            before = now;
        }
        throw new AssertionError("the campaign did not settle after it was stopped: " + before);
    }

    /** A figure's raw value on the page against the API's: numbers by value, the rest by text. */
    private static void assertShown(String field, JsonNode expected, String shown) {
        if (expected.isMissingNode() || expected.isNull()) {
            assertEquals("", shown, field);
        } else if (expected.isNumber()) {
            assertEquals(expected.asDouble(), Double.parseDouble(shown), 1e-9, field);
        } else {
            assertEquals(expected.asText(), shown, field);
        }
    }
}
