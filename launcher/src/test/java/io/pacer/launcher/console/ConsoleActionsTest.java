package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor acting from the console on a live Pacer: a dial-mode and ratio change applied in the page reaches
 * the core, stop and start reach it too, and a value the API refuses shows the API's own words next to the
 * field, with nothing changed.
 */
class ConsoleActionsTest {

    private static final String TILE = "[data-campaign='1'] ";

    @TempDir
    Path directory;
    private DemoFloor floor;
    private WebDriver browser;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(400));
        floor = DemoFloor.start(new DemoFloor.Settings(2, DialMode.PROGRESSIVE, customers, LongSampler.fixed(50), true,
                1_000, 0), directory);
        api = ApiHarness.client(floor.pacer().api().port(), "not-used");
        browser = HeadlessChromium.start();
        browser.get(floor.supervisorUrl());
        waiting(browser, 20).until(b -> !b.findElements(By.cssSelector(TILE + "form.settings")).isEmpty());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        floor.close();
    }

    @Test
    void aModeChangeMadeInTheConsoleReachesTheEngineAndStopAndStartToo() throws Exception {
        assertEquals("progressive", engine().dialMode());
        new Select(field("select[name='dialMode']")).selectByValue("POWER");
        type("callsPerReadyAgent", "1.5");
        field("button[type='submit']").click();
        waiting(browser, 10).until(b -> field(TILE + ".applied").getText().equals("applied"));
        waiting(browser, 10).until(b -> "power".equals(engine().dialMode()));
        JsonNode stored = api.get("/api/v1/campaigns/1", floor.supervisorToken()).json();
        assertEquals("POWER", stored.get("dialMode").asText());
        assertEquals(1.5, stored.get("callsPerReadyAgent").asDouble());

        field("[data-action='stop']").click();
        waiting(browser, 10).until(b -> !engine().running());
        waiting(browser, 10).until(b -> "stopped".equals(field("[data-field='live.running']").getText()));
        field("[data-action='start']").click();
        waiting(browser, 10).until(b -> engine().running());
    }

    @Test
    void aBadFormValueShowsTheApisErrorNextToTheFieldAndChangesNothing() {
        JsonNode before = api.get("/api/v1/campaigns/1", floor.supervisorToken()).json();
        type("callsPerReadyAgent", "25");
        field("button[type='submit']").click();
        By error = By.cssSelector(TILE + "[data-error-for='callsPerReadyAgent']");
        waiting(browser, 10).until(b -> !b.findElement(error).getText().isEmpty());
        ApiHarness.Reply refused = api.patch("/api/v1/campaigns/1", floor.supervisorToken(),
                "{\"dialMode\":\"PROGRESSIVE\",\"callsPerReadyAgent\":25,\"callsPerWrapAgent\":0,\"abandonTarget\":0.03}");
        assertEquals(400, refused.status());
        assertEquals(refused.json().get("errors").get(0).get("detail").asText(), browser.findElement(error).getText());
        assertTrue(browser.findElement(error).getText().contains("0..20"), browser.findElement(error).getText());
        assertTrue(field(TILE + "[data-error-for='abandonTarget']").getText().isEmpty(), "only the field at fault");
        assertFalse(field(TILE + ".applied").getText().equals("applied"));

        type("callsPerReadyAgent", "1");
        type("abandonTarget", "lots");
        field("button[type='submit']").click();
        By targetError = By.cssSelector(TILE + "[data-error-for='abandonTarget']");
        waiting(browser, 10).until(b -> !b.findElement(targetError).getText().isEmpty());
        assertTrue(browser.findElement(error).getText().isEmpty(), "the earlier error is gone");
        assertEquals(before, api.get("/api/v1/campaigns/1", floor.supervisorToken()).json(), "nothing was stored");
    }

    private WebElement field(String css) {
        return browser.findElement(By.cssSelector(css.startsWith(TILE) ? css : TILE + css));
    }

    private void type(String name, String text) {
        WebElement input = field("input[name='" + name + "']");
        input.clear();
        input.sendKeys(text);
    }

    private CampaignStats engine() {
        try {
            return floor.pacer().ring().query(core -> core.stats(DemoFloor.CAMPAIGN)).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
