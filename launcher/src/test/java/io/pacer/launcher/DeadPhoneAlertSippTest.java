package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.launcher.console.HeadlessChromium;
import io.pacer.sip.stack.SessionSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The floor's dead-phone alert end to end: an agent logs in over HTTP (Pacer calls its SIPp phone), the phone
 * answers one keep-alive OPTIONS and then nothing; the SIP adapter reports it lost, the core logs the agent out for
 * that reason, {@code GET /api/v1/agents} says so with the time, and the console in a real headless Chromium raises
 * "agent ann: phone stopped answering at HH:MM, logged out" until the agent logs back in (its phone working again).
 */
class DeadPhoneAlertSippTest {

    private static final int AGENT = OnePhonePacer.AGENT;
    private static final By ALERT = By.id("phone-alerts");

    @Test
    void aPhoneThatStopsAnsweringKeepAlivesRaisesTheFloorsAlertUntilTheAgentLogsBackIn() throws Exception {
        try (SippPeer phone = SippPeer.uas("agent-stops-answering.xml", false, "-nd");
             SippPeer carrier = SippPeer.uas("carrier-answer.xml")) {
            // A keep-alive every second: the phone answers the first, the second goes unanswered, dead at the third.
            try (Pacer pacer = OnePhonePacer.start(carrier, phone, 28400, "engine-dead-phone",
                    new SessionSettings(1_000, 0, 90, 1_000))) {
                ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
                JsonNode ann = api.user("ann", "AGENT");
                assertEquals(AGENT, ann.get("id").asInt(), "the SIP agent is user 2, after the admin");
                String token = ann.get("token").asText();
                // A preview campaign with no records: the agent logs in and waits, nothing is dialled.
                long id = api.campaign("\"dialMode\":\"PREVIEW\",\"responsibleUsers\":[" + AGENT + "]");
                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
                WebDriver browser = HeadlessChromium.start();
                try {
                    browser.get("http://127.0.0.1:" + pacer.api().port() + "/#token=admin-token");
                    HeadlessChromium.waiting(browser, 10).until(b -> b.findElements(By.cssSelector("#agents tbody tr")).size() == 1);
                    // The supervisor looks at the grid (the page writes only rows near the viewport).
                    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                            "document.getElementById('agents').scrollIntoView()");
                    assertEquals(202, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());
                    JsonNode up = awaitAgent(api, a -> "READY".equals(a.get("state").asText()));
                    assertFalse(up.get("phoneDead").asBoolean());
                    assertTrue(up.get("lastLogout").isNull(), "never logged out: " + up);
                    assertEquals("", browser.findElement(ALERT).getText(), "no alert while the phone answers");

                    JsonNode dead = awaitAgent(api, a -> a.get("phoneDead").asBoolean());
                    assertEquals("LOGGED_OUT", dead.get("state").asText());
                    assertEquals("PHONE_DEAD", dead.get("lastLogout").get("reason").asText());
                    long atMillis = dead.get("lastLogout").get("atMillis").asLong();
                    assertTrue(Math.abs(System.currentTimeMillis() - atMillis) < 10_000, dead.toString());
                    String hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault())
                            .format(Instant.ofEpochMilli(atMillis));
                    String expected = "agent ann: phone stopped answering at " + hhmm + ", logged out";
                    HeadlessChromium.waiting(browser, 5).until(b -> b.findElement(ALERT).getText().equals(expected));
                    assertEquals("LOGGED_OUT", browser.findElement(By.cssSelector("#agents tr[data-agent='2'] [data-field='state']"))
                            .getAttribute("data-value"));
                    assertEquals(0, phone.awaitExit(5_000), "the dead phone did not get its BYE:\n" + phone.output());

                    // The agent logs back in with its phone working again at the same address: the alert clears.
                    try (SippPeer again = SippPeer.uasOn("agent-answer.xml", phone.port)) {
                        assertEquals(202, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());
                        JsonNode back = awaitAgent(api, a -> "READY".equals(a.get("state").asText()));
                        assertFalse(back.get("phoneDead").asBoolean());
                        assertEquals("PHONE_DEAD", back.get("lastLogout").get("reason").asText(), "still its last logout");
                        HeadlessChromium.waiting(browser, 5).until(b -> b.findElement(ALERT).getText().isEmpty());
                        assertEquals(200, api.post("/api/v1/agents/me/logout", token, "").status());
                        assertEquals("ASKED", awaitAgent(api, a -> "LOGGED_OUT".equals(a.get("state").asText()))
                                .get("lastLogout").get("reason").asText());
                        assertEquals("", browser.findElement(ALERT).getText(), "a logout asked for raises nothing");
                    }
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static JsonNode awaitAgent(ApiHarness api, java.util.function.Predicate<JsonNode> condition) throws Exception {
        JsonNode agent = null;
        for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(50)) {
            agent = api.get("/api/v1/agents", "admin-token").json().get("agents").get(0);
            if (condition.test(agent)) {
                return agent;
            }
        }
        throw new AssertionError("the agent never reached the expected state: " + agent);
    }
}
