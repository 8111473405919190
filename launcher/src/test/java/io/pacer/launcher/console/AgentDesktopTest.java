package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.value;
import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent working from the desktop in a real headless Chromium against a live Pacer: it logs in to its
 * campaign (Pacer then calls its SIP phone, a loopback virtual phone), takes a call over SIP and RTP, records
 * the outcome with a note and a callback, and saves and takes the next call. The virtual phone never says
 * ready by itself here (its wrap-up lasts ten minutes), so only the desktop can make the agent ready again.
 */
class AgentDesktopTest {

    @TempDir
    Path directory;
    private DemoFloor floor;
    private WebDriver browser;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(1.0, 0.0, LongSampler.uniform(100, 200), LongSampler.fixed(500));
        floor = DemoFloor.start(new DemoFloor.Settings(1, DialMode.PROGRESSIVE, customers, LongSampler.fixed(600_000),
                false, 100, 0), directory);
        api = ApiHarness.client(floor.pacer().api().port(), "not-used");
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
    void anAgentLogsInTakesACallRecordsItsOutcomeWithACallbackAndTakesTheNext() throws Exception {
        String token = floor.agentToken(0);
        browser.get(floor.consoleUrl() + "#token=" + token);
        waiting(browser, 20).until(b -> b.findElement(By.id("desktop")).isDisplayed());
        waiting(browser, 10).until(b -> "LOGGED_OUT".equals(value(b, By.id("agent-state"))));
        new Select(browser.findElement(By.id("desktop-campaign"))).selectByValue("1");
        browser.findElement(By.id("login")).click();

        waiting(browser, 30).until(b -> b.findElement(By.id("call")).isDisplayed());
        assertEquals("WRAP_UP", value(browser, By.id("agent-state")));
        String firstCall = browser.findElement(By.id("call-id")).getText();
        assertTrue(browser.findElement(By.id("call-number")).getText().startsWith("+4930"));

        // Call again with no time: the API's refusal shows next to the field and nothing is recorded.
        new Select(browser.findElement(By.cssSelector("#outcome-form [name='outcome']"))).selectByValue("CALL_AGAIN");
        browser.findElement(By.id("save-next")).click();
        By dueError = By.cssSelector("#outcome-form [data-error-for='callback.dueAt']");
        waiting(browser, 10).until(b -> !b.findElement(dueError).getText().isEmpty());
        assertEquals("WRAP_UP", value(browser, By.id("agent-state")));

        String due = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        ((JavascriptExecutor) browser).executeScript("const due = document.querySelector('#outcome-form [name=dueAt]');"
                + " due.value = arguments[0]; due.dispatchEvent(new Event('input', {bubbles: true}));", due);
        assertTrue(browser.findElement(dueError).getText().isEmpty(), "the corrected field's error is gone");
        browser.findElement(By.cssSelector("#outcome-form [name='note']")).sendKeys("wants a call after lunch");
        HeadlessChromium.screenshot(browser, "console-desktop");
        browser.findElement(By.id("save-next")).click();

        JsonNode recorded = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (recorded == null && System.currentTimeMillis() < deadline) {
            for (JsonNode call : api.get("/api/v1/calls?limit=100", token).json()) {
                if (call.get("callId").asText().equals(firstCall) && call.hasNonNull("outcome")) {
                    recorded = call;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(recorded != null, "the outcome of call " + firstCall + " was recorded");
        assertEquals("CALL_AGAIN", recorded.get("outcome").asText());
        assertEquals("wants a call after lunch", recorded.get("note").asText());
        JsonNode callbacks = api.get("/api/v1/callbacks?own=true&open=true", token).json();
        assertEquals(1, callbacks.size(), callbacks.toString());
        assertEquals(recorded.get("contactId").asLong(), callbacks.get(0).get("contactId").asLong());

        // Save and next: the agent is ready again, gets the next call and its wrap-up brings up that call.
        waiting(browser, 30).until(b -> b.findElement(By.id("call")).isDisplayed()
                && !b.findElement(By.id("call-id")).getText().equals(firstCall));
        assertNotEquals(firstCall, browser.findElement(By.id("call-id")).getText());
    }
}
