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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Agents working from the desktop in a real headless Chromium against a live Pacer: each logs in to its
 * campaign (Pacer then calls its SIP phone, a loopback virtual phone), takes calls over SIP and RTP, records
 * the outcome with a note and a callback, and saves and takes the next one. The virtual phones never say ready
 * by themselves here (their wrap-up lasts ten minutes), so only the desktop can make an agent ready again.
 * One Pacer and one browser serve both tests: agent 1 works the demo's progressive campaign, agent 2 a preview
 * campaign of its own.
 */
class AgentDesktopTest {

    @TempDir
    static Path directory;
    private static DemoFloor floor;
    private static WebDriver browser;
    private static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(1.0, 0.0, LongSampler.uniform(100, 200), LongSampler.fixed(500));
        floor = DemoFloor.start(new DemoFloor.Settings(2, DialMode.PROGRESSIVE, customers, LongSampler.fixed(600_000),
                false, 100, 0), directory);
        api = ApiHarness.client(floor.pacer().api().port(), "not-used");
        // The desktop, not the phone, answers preview offers here.
        floor.world().agents().phonesAcceptPreviews(false);
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
    void anAgentLogsInTakesACallRecordsItsOutcomeWithACallbackAndTakesTheNext() throws Exception {
        String token = floor.agentToken(0);
        open(token);
        until(20, b -> b.findElement(By.id("desktop")).isDisplayed());
        until(10, b -> "LOGGED_OUT".equals(value(b, By.id("agent-state"))));
        new Select(browser.findElement(By.id("desktop-campaign"))).selectByValue("1");
        browser.findElement(By.id("login")).click();

        // The call's panel shows from the bridge on; the customer hangs up after half a second: wrap-up.
        until(30, b -> b.findElement(By.id("call")).isDisplayed() && "WRAP_UP".equals(value(b, By.id("agent-state"))));
        String firstCall = browser.findElement(By.id("call-id")).getText();
        assertTrue(browser.findElement(By.id("call-number")).getText().startsWith("+4930"));

        // Call again with no time: the API's refusal shows next to the field and nothing is recorded.
        new Select(browser.findElement(By.cssSelector("#outcome-form [name='outcome']"))).selectByValue("CALL_AGAIN");
        browser.findElement(By.id("save-next")).click();
        By dueError = By.cssSelector("#outcome-form [data-error-for='callback.dueAt']");
        until(10, b -> !b.findElement(dueError).getText().isEmpty());
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
        until(30, b -> b.findElement(By.id("call")).isDisplayed()
                && !b.findElement(By.id("call-id")).getText().equals(firstCall));
        assertNotEquals(firstCall, browser.findElement(By.id("call-id")).getText());
    }

    @Test
    void anAgentSkipsAPreviewAcceptsTheNextTalksOverSipRecordsACallbackAndSaveAndNextOffersAnother() throws Exception {
        String supervisor = floor.supervisorToken();
        String token = floor.agentToken(1);
        ApiHarness.Reply created = api.post("/api/v1/campaigns", supervisor, "{\"name\":\"Preview\",\"status\":\"ENABLED\","
                + "\"timeZone\":\"UTC\",\"windowStartMinute\":0,\"windowEndMinute\":1440,\"dialMode\":\"PREVIEW\","
                + "\"responsibleUsers\":[2]}");
        assertEquals(201, created.status(), created.text());
        long campaign = created.json().get("id").asLong();
        ApiHarness.Reply imported = api.postCsv("/api/v1/campaigns/" + campaign + "/imports?mode=APPEND&phone=phone&name=name"
                + "&field=city", supervisor, "phone,name,city\n+4930300001,Anna,Berlin\n+4930300002,Bert,Bonn\n"
                + "+4930300003,Carla,Jena\n");
        assertTrue(imported.status() / 100 == 2, imported.text());
        assertEquals(200, api.post("/api/v1/campaigns/" + campaign + "/start", supervisor, "").status());

        open(token);
        until(20, b -> b.findElement(By.id("desktop")).isDisplayed());
        new Select(browser.findElement(By.id("desktop-campaign"))).selectByValue(String.valueOf(campaign));
        browser.findElement(By.id("login")).click();
        until(20, b -> "READY".equals(value(b, By.id("agent-state"))));

        // n: the next record is offered, shown with its fields; k skips it.
        key("n");
        until(10, b -> b.findElement(By.id("offer")).isDisplayed());
        long skipped = Long.parseLong(browser.findElement(By.id("record")).getAttribute("data-contact"));
        String city = browser.findElement(By.cssSelector("#record-fields [data-field='city']")).getText();
        assertTrue(java.util.Set.of("Berlin", "Bonn", "Jena").contains(city), city);
        assertEquals(api.get("/api/v1/campaigns/" + campaign + "/contacts/" + skipped, supervisor).json().get("phone").asText(),
                browser.findElement(By.id("offer-phone")).getText(), () -> api.get("/api/v1/agents/me", token).text()
                + " offer shown: " + browser.findElement(By.id("offer")).isDisplayed()
                + browser.findElement(By.id("desktop")).getAttribute("innerHTML"));
        key("k");
        until(10, b -> !b.findElement(By.id("offer")).isDisplayed());
        assertEquals(0, api.get("/api/v1/campaigns/" + campaign + "/contacts/" + skipped, supervisor).json()
                .get("attempts").asInt(), "a skipped record is not dialled");

        // The next one is accepted (a): Pacer dials it over SIP, bridges the agent's phone, the customer hangs up.
        key("n");
        until(10, b -> b.findElement(By.id("offer")).isDisplayed()
                && !String.valueOf(skipped).equals(b.findElement(By.id("record")).getAttribute("data-contact")));
        long accepted = Long.parseLong(browser.findElement(By.id("record")).getAttribute("data-contact"));
        key("a");
        until(30, b -> b.findElement(By.id("call")).isDisplayed());
        assertEquals("#" + accepted, browser.findElement(By.id("call-contact")).getText());
        assertEquals(String.valueOf(accepted), browser.findElement(By.id("record")).getAttribute("data-contact"));
        assertEquals(1, browser.findElements(By.cssSelector("#record-history tbody tr")).size(), "the call in the history");
        String callId = browser.findElement(By.id("call-id")).getText();

        new Select(browser.findElement(By.cssSelector("#outcome-form [name='outcome']"))).selectByValue("CALL_AGAIN");
        String due = LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#outcome-form [name=dueAt]').value = arguments[0];", due);
        browser.findElement(By.cssSelector("#outcome-form [name='note']")).sendKeys("call on Thursday");
        browser.findElement(By.id("save-next")).click();

        // Save and next: the outcome and its callback are stored, and the next record is offered at once.
        until(15, b -> b.findElement(By.id("offer")).isDisplayed()
                && !String.valueOf(accepted).equals(b.findElement(By.id("record")).getAttribute("data-contact")));
        JsonNode activity = api.get("/api/v1/campaigns/" + campaign + "/contacts/" + accepted + "/activities", supervisor)
                .json().get("activities").get(0);
        assertEquals(callId, activity.get("callId").asText());
        assertEquals("CALL_AGAIN", activity.get("outcome").asText());
        assertEquals("call on Thursday", activity.get("note").asText());
        assertTrue(activity.get("answerMillis").asLong() > 0, "the customer was talked to: " + activity);
        until(10, b -> b.findElements(By.cssSelector("#callbacks tbody tr")).stream()
                .anyMatch(row -> row.getText().contains("#" + accepted)));
        HeadlessChromium.screenshot(browser, "console-desktop-preview");
    }

    /** Waits for the page, saying on timeout what the desktop showed (its errors and panels). */
    private static void until(int seconds, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            waiting(browser, seconds).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out; the desktop showed: " + browser.findElement(By.id("desktop")).getText(), e);
        }
    }

    /** Opens the console signed in with a token: a new page, so that a change of fragment alone is not ignored. */
    private static void open(String token) {
        browser.get("about:blank");
        browser.get(floor.consoleUrl() + "#token=" + token);
    }

    /** Types a key as the agent would, into no field (sending it to an element would click that element first). */
    private static void key(String key) {
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(key).perform();
    }
}
