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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The campaign editor in a real headless Chromium against a live Pacer: settings saved from the page are what the
 * API then returns; a value the regime forbids is refused next to its field and stores nothing; a period the page
 * cannot read never reaches the server; a change made by someone else since the page loaded is not overwritten.
 */
class ConsoleCampaignEditorTest {

    @TempDir
    Path directory;
    private DemoFloor floor;
    private WebDriver browser;
    private ApiHarness api;
    private String token;

    @BeforeEach
    void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(400));
        floor = DemoFloor.start(new DemoFloor.Settings(1, DialMode.PROGRESSIVE, customers, LongSampler.fixed(50), false,
                10, 0), directory);
        token = floor.supervisorToken();
        api = ApiHarness.client(floor.pacer().api().port(), token);
        browser = HeadlessChromium.start();
        browser.get(floor.supervisorUrl());
        waiting(browser, 30).until(b -> b.findElement(By.id("nav")).isDisplayed());
        browser.findElement(By.cssSelector("#nav button[data-view='campaigns-page']")).click();
        waiting(browser, 10).until(b -> "Demo".equals(field(b, "name").getAttribute("value")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        floor.close();
    }

    @Test
    void settingsSavedFromThePageAreWhatTheApiReturns() throws Exception {
        type("hours1", "09:00-12:00, 13:00-17:30");
        type("hours6", "10:00-14:00");
        type("callWindow", "09:00-20:00");
        type("holidays", "2026-12-25, 2026-12-26");
        type("retryBUSYDelay", "5");
        type("retryBUSYMax", "3");
        type("displayNumbers", "+4930123456");
        type("description", "winter list");
        save("Saved:");
        JsonNode c = api.get("/api/v1/campaigns/1", token).json();
        assertEquals("winter list", c.get("description").asText());
        assertEquals(3, c.get("hours").size(), c.toString());
        assertEquals(1, c.get("hours").get(0).get("weekday").asInt());
        assertEquals(13 * 60, c.get("hours").get(1).get("startMinute").asInt());
        assertEquals(6, c.get("hours").get(2).get("weekday").asInt());
        assertEquals(540, c.get("windowStartMinute").asInt());
        assertEquals(1200, c.get("windowEndMinute").asInt());
        assertEquals("[\"2026-12-25\",\"2026-12-26\"]", c.get("compliance").get("holidays").toString());
        assertEquals(300, c.get("retryRules").get("BUSY").get("delaySeconds").asInt());
        assertEquals(3, c.get("retryRules").get("BUSY").get("maxAttempts").asInt());
        assertEquals("+4930123456", c.get("displayNumbers").get(0).asText());

        // Reloaded, the page shows what was stored, and saving it again changes nothing.
        browser.findElement(By.id("campaign-reload")).click();
        waiting(browser, 10).until(b -> "09:00-12:00, 13:00-17:30".equals(field(b, "hours1").getAttribute("value")));
        save("Nothing changed.");
        HeadlessChromium.screenshot(browser, "console-campaign-settings");
    }

    @Test
    void aValueTheRegimeForbidsIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
        new Select(field(browser, "regime")).selectByValue("ofcom");
        type("lockoutMinutes", "60");
        type("description", "should not be stored");
        field(browser, "campaign-save").click();
        By error = By.cssSelector("#campaign-editor [data-error-for='lockoutMinutes']");
        waiting(browser, 10).until(b -> !b.findElement(error).getText().isEmpty());
        assertTrue(browser.findElement(error).getText().contains("4320"), browser.findElement(error).getText());
        JsonNode c = api.get("/api/v1/campaigns/1", token).json();
        assertTrue(!"should not be stored".equals(c.path("description").asText()), c.toString());

        type("lockoutMinutes", "4320");
        type("hours2", "9-12");
        field(browser, "campaign-save").click();
        By hours = By.cssSelector("#campaign-editor [data-error-for='hours']");
        waiting(browser, 10).until(b -> b.findElement(hours).getText().contains("Tuesday"));
        assertTrue(!"should not be stored".equals(api.get("/api/v1/campaigns/1", token).json().path("description").asText()));
    }

    @Test
    void aChangeMadeElsewhereSinceThePageLoadedIsNotOverwritten() throws Exception {
        ApiHarness.Reply other = api.patch("/api/v1/campaigns/1", token, "{\"description\":\"set by a colleague\"}");
        assertEquals(200, other.status(), other.text());
        type("description", "set in the page");
        field(browser, "campaign-save").click();
        By general = By.cssSelector("#campaign-editor .form-error");
        waiting(browser, 10).until(b -> b.findElement(general).getText().contains("Someone else changed"));
        assertEquals("set by a colleague", api.get("/api/v1/campaigns/1", token).json().get("description").asText());

        browser.findElement(By.id("new-campaign-name")).sendKeys("Spring");
        browser.findElement(By.id("new-campaign")).click();
        waiting(browser, 10).until(b -> "Spring".equals(field(b, "name").getAttribute("value")));
        long id = Long.parseLong(new Select(browser.findElement(By.id("campaign-choice"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("Spring", api.get("/api/v1/campaigns/" + id, token).json().get("name").asText());
    }

    private static WebElement field(WebDriver browser, String name) {
        var byName = browser.findElements(By.cssSelector("#campaign-form [name='" + name + "']"));
        return byName.isEmpty() ? browser.findElement(By.id(name)) : byName.get(0);
    }

    private void type(String name, String text) {
        WebElement input = field(browser, name);
        input.clear();
        input.sendKeys(text);
    }

    private void save(String expected) {
        field(browser, "campaign-save").click();
        waiting(browser, 10).until(b -> b.findElement(By.id("campaign-saved")).getText().startsWith(expected)
                || !b.findElement(By.cssSelector("#campaign-editor .form-error")).getText().isEmpty());
        assertTrue(browser.findElement(By.id("campaign-saved")).getText().startsWith(expected),
                browser.findElement(By.cssSelector("#campaign-editor .form-error")).getText() + " / "
                        + browser.findElement(By.id("campaign-editor")).getText());
    }
}
