package io.pacer.launcher.console;

import static io.pacer.launcher.console.HeadlessChromium.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import io.pacer.store.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisor's lists page in a real headless Chromium against a live Pacer: a CSV chosen in the browser is
 * previewed with guessed column roles, a dry run reports and stores nothing, the import stores exactly what it
 * reported, the history shows it with its rejected lines, and the do-not-call list is kept from the page (an
 * administrator alone may unblock). Every figure is checked against the API.
 */
class ConsoleListsTest {

    private static final String CSV = "Mobile;Customer;Segment\n"
            + "+4930300001;Ann Lee;gold\n"
            + "+4930300002;\"Bo; the second\";silver\n"
            + "12;Too short;gold\n"
            + "+4930300003;Cy \"quoted;gold\n"
            + "+4930300004;Di;bronze\n";

    @TempDir
    Path directory;
    private DemoFloor floor;
    private WebDriver browser;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(400));
        floor = DemoFloor.start(new DemoFloor.Settings(1, DialMode.PROGRESSIVE, customers, LongSampler.fixed(50), false,
                10, 0), directory);
        api = ApiHarness.client(floor.pacer().api().port(), floor.supervisorToken());
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
    void aListIsPreviewedDryRunImportedAndItsRejectedLinesShown() throws Exception {
        String token = floor.supervisorToken();
        openLists(token);
        Path file = directory.resolve("customers.csv");
        Files.writeString(file, CSV);
        WebElement form = browser.findElement(By.id("upload-form"));
        WebElement separator = form.findElement(By.name("separator"));
        separator.clear();
        separator.sendKeys(";");
        form.findElement(By.name("file")).sendKeys(file.toString());
        waiting(browser, 10).until(b -> b.findElements(By.cssSelector("#mapping select")).size() == 3);
        List<WebElement> roles = browser.findElements(By.cssSelector("#mapping select"));
        assertEquals(List.of("phone", "name", "field"), roles.stream().map(r -> new Select(r).getFirstSelectedOption()
                .getAttribute("value")).toList(), "roles guessed from the header");
        assertEquals("Bo; the second", browser.findElement(By.cssSelector("#mapping tbody tr:nth-child(2) td:nth-child(2)"))
                .getText(), "the preview reads quoted separators");

        long before = contacts(token);
        browser.findElement(By.id("dry-run")).click();
        WebElement report = browser.findElement(By.id("import-report"));
        waiting(browser, 10).until(b -> "true".equals(report.getAttribute("data-dry-run")));
        assertEquals("3", report.getAttribute("data-imported"), report.getText());
        assertEquals("2", report.getAttribute("data-rejected"), report.getText());
        assertEquals(before, contacts(token), "a dry run stores nothing");

        browser.findElement(By.id("import")).click();
        waiting(browser, 10).until(b -> "false".equals(report.getAttribute("data-dry-run")));
        assertEquals(before + 3, contacts(token));
        JsonNode bo = api.get("/api/v1/contacts/lookup?phone=%2B4930300002&campaignId=1", token).json().get("contacts");
        assertEquals("Bo; the second", bo.get(0).get("name").asText(), bo.toString());
        assertEquals("silver", bo.get(0).get("fields").get("Segment").asText(), bo.toString());

        JsonNode history = api.get("/api/v1/campaigns/1/imports", token).json();
        long importId = history.get(0).get("id").asLong();
        By row = By.cssSelector("#imports tr[data-import='" + importId + "']");
        waiting(browser, 10).until(b -> !b.findElements(row).isEmpty());
        browser.findElement(row).findElement(By.tagName("button")).click();
        waiting(browser, 10).until(b -> b.findElements(By.cssSelector("#import-errors li")).size() == 2);
        String rejected = browser.findElement(By.id("import-errors")).getText();
        assertTrue(rejected.contains("line 4") && rejected.contains("line 5"), rejected);
        HeadlessChromium.screenshot(browser, "console-lists");

        for (WebElement select : browser.findElements(By.cssSelector("#mapping select"))) {
            new Select(select).selectByValue("");
        }
        browser.findElement(By.id("dry-run")).click();
        By phoneError = By.cssSelector("#lists-upload [data-error-for='phone']");
        waiting(browser, 10).until(b -> !b.findElement(phoneError).getText().isEmpty());
        assertTrue(browser.findElement(phoneError).getText().contains("phone column"));
    }

    @Test
    void numbersAreBlockedFromThePageAndOnlyAnAdministratorUnblocks() throws Exception {
        String supervisor = floor.supervisorToken();
        openLists(supervisor);
        WebElement form = browser.findElement(By.id("dnc-form"));
        form.findElement(By.name("phone")).sendKeys("+4930777001");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        By blocked = By.cssSelector("#dnc tr[data-phone='+4930777001']");
        waiting(browser, 10).until(b -> !b.findElements(blocked).isEmpty());
        assertTrue(api.get("/api/v1/dnc/%2B4930777001?campaignId=1", supervisor).json().get("blocked").asBoolean());
        assertTrue(browser.findElement(blocked).findElements(By.tagName("button")).isEmpty(),
                "a supervisor is offered no unblocking");

        form.findElement(By.name("phone")).sendKeys("not a number");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        By error = By.cssSelector("#dnc-form [data-error-for='phone']");
        waiting(browser, 10).until(b -> !b.findElement(error).getText().isEmpty());

        String admin = "admin-" + System.nanoTime();
        floor.pacer().storage().users().create("boss", Role.ADMIN, admin);
        browser.get("about:blank");
        openLists(admin);
        waiting(browser, 10).until(b -> !b.findElements(blocked).isEmpty());
        browser.findElement(blocked).findElement(By.tagName("button")).click();
        waiting(browser, 10).until(b -> b.findElements(blocked).isEmpty());
        assertFalse(api.get("/api/v1/dnc/%2B4930777001?campaignId=1", supervisor).json().get("blocked").asBoolean());
    }

    private void openLists(String token) {
        browser.get(floor.consoleUrl() + "#token=" + token);
        waiting(browser, 30).until(b -> b.findElement(By.id("nav")).isDisplayed());
        browser.findElement(By.cssSelector("#nav button[data-view='lists']")).click();
        waiting(browser, 10).until(b -> b.findElement(By.id("lists")).isDisplayed()
                && !new Select(b.findElement(By.cssSelector("#upload-form select[name=campaignId]"))).getOptions().isEmpty());
    }

    private long contacts(String token) throws Exception {
        return api.get("/api/v1/campaigns/1/contacts?limit=1", token).headers().firstValue("X-Total-Count")
                .map(Long::parseLong).orElseThrow();
    }
}
