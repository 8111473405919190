package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The console's files and its live feed over HTTP: the page and its modules are served without a token and
 * nothing else of the jar is; the feed needs a token, and shows supervisors the floor and agents only themselves.
 */
class ConsoleApiTest {

    @Test
    void thePageAndItsModulesAreServedAndNoOtherFile() throws Exception {
        try (ApiHarness api = new ApiHarness(TestDatabases::sqlite)) {
            ApiHarness.Reply page = api.get("/", null);
            assertEquals(200, page.status());
            assertTrue(page.text().contains("<script type=\"module\" src=\"/console/app.js\">"), page.text());
            for (String file : ConsoleRoutes.FILES) {
                assertEquals(200, api.get("/console/" + file, null).status(), file);
            }
            for (String file : ConsoleRoutes.VENDOR.keySet()) {
                ApiHarness.Reply vendor = api.get("/console/" + file, null);
                assertEquals(200, vendor.status(), file);
                assertTrue(vendor.text().length() > 1_000, file + " is uPlot's file from its WebJar");
            }
            assertTrue(api.get("/console/uPlot.esm.js", null).text().contains("export { uPlot as default }"));
            assertEquals(404, api.get("/console/uPlot.iife.js", null).status(), "only the named WebJar files");
            assertEquals(404, api.get("/console/openapi.json", null).status());
            assertEquals(404, api.get("/console/..%2Fopenapi.json", null).status());
            assertEquals(400, api.get("/?token=x", null).status(), "the token belongs in the fragment, never the query");
        }
    }

    @Test
    void theFeedNeedsATokenAndShowsEachRoleItsOwnPart() throws Exception {
        try (ApiHarness api = new ApiHarness(TestDatabases::sqlite)) {
            JsonNode agent = api.user("ann", "AGENT");
            JsonNode supervisor = api.user("sue", "SUPERVISOR");
            long id = api.campaign("\"responsibleUsers\":[" + agent.get("id").asLong() + "]");
            assertEquals(401, api.get("/api/v1/console/stream", null).status());

            JsonNode floor = firstEvent(api, supervisor.get("token").asText());
            assertEquals("SUPERVISOR", floor.get("user").get("role").asText());
            assertEquals(id, floor.get("campaigns").get(0).get("campaignId").asLong());
            JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats", api.adminToken).json();
            assertEquals(stats.get("contactsByState"), floor.get("campaigns").get(0).get("contactsByState"));
            assertEquals("ann", floor.get("agents").get(0).get("name").asText());
            // The agents route gives the grid's rows too (no core here: the figures are empty, not invented).
            assertEquals(403, api.get("/api/v1/agents", agent.get("token").asText()).status());
            JsonNode row = api.get("/api/v1/agents", supervisor.get("token").asText()).json().get("agents").get(0);
            assertEquals("ann", row.get("name").asText());
            assertEquals(0, row.get("callsToday").asInt());
            assertTrue(row.get("talkAverageMillis").isNull());
            assertTrue(row.get("lastLogout").isNull());
            assertFalse(row.get("phoneDead").asBoolean());

            JsonNode own = firstEvent(api, agent.get("token").asText());
            assertEquals("AGENT", own.get("user").get("role").asText());
            assertFalse(own.has("agents"), "an agent does not see the floor");
            assertEquals(agent.get("id").asLong(), own.get("me").get("agentId").asLong());
            assertEquals(id, own.get("campaigns").get(0).get("campaignId").asLong());
            assertFalse(own.get("campaigns").get(0).has("contactsByState"));
        }
    }

    @Test
    void theShiftChartsRouteIsForSupervisorsAndNamesItsColumns() throws Exception {
        try (ApiHarness api = new ApiHarness(TestDatabases::sqlite)) {
            JsonNode agent = api.user("ann", "AGENT");
            JsonNode supervisor = api.user("sue", "SUPERVISOR");
            long id = api.campaign("\"responsibleUsers\":[" + agent.get("id").asLong() + "]");
            assertEquals(403, api.get("/api/v1/console/history/" + id, agent.get("token").asText()).status());
            assertEquals(404, api.get("/api/v1/console/history/" + (id + 99), supervisor.get("token").asText()).status());
            ApiHarness.Reply reply = api.get("/api/v1/console/history/" + id, supervisor.get("token").asText());
            assertEquals(200, reply.status(), reply.text());
            JsonNode history = reply.json();
            assertEquals(id, history.get("campaignId").asLong());
            assertEquals(15_000, history.get("sampleMillis").asLong());
            for (String column : io.pacer.api.service.ShiftHistory.SERIES) {
                assertEquals(history.get("atMillis").size(), history.get(column).size(), column);
            }
        }
    }

    private static JsonNode firstEvent(ApiHarness api, String token) throws Exception {
        HttpURLConnection sse = (HttpURLConnection) new URL("http://127.0.0.1:" + api.server.port()
                + "/api/v1/console/stream").openConnection();
        sse.setRequestProperty("Authorization", "Bearer " + token);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("event: console", in.readLine());
            String data = in.readLine();
            assertTrue(data.startsWith("data: "), data);
            return ApiHarness.JSON.readTree(data.substring(6));
        } finally {
            sse.disconnect();
        }
    }
}
