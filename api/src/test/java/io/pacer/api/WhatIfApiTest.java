package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The what-if route's refusals, each naming its field before anything is simulated: agents may not ask, a bad
 * proposal or horizon is a 400, a campaign with nothing measured yet is a 409 that says what is missing.
 */
class WhatIfApiTest {

    @Test
    void badRequestsAreRefusedNamingTheFieldAndACampaignWithNoCallsIsAConflict() throws Exception {
        try (ApiHarness api = new ApiHarness(TestDatabases::sqlite)) {
            String supervisor = api.user("sue", "SUPERVISOR").get("token").asText();
            String agent = api.user("ann", "AGENT").get("token").asText();
            long id = api.campaign("");
            String path = "/api/v1/campaigns/" + id + "/what-if";
            assertEquals(403, api.post(path, agent, "{}").status());
            assertEquals(404, api.post("/api/v1/campaigns/" + (id + 50) + "/what-if", supervisor, "{}").status());

            ApiHarness.Reply mode = api.post(path, supervisor, "{\"proposed\":{\"dialMode\":\"PREVIEW\"}}");
            assertEquals(400, mode.status(), mode.text());
            assertTrue(mode.text().contains("proposed.dialMode"), mode.text());
            ApiHarness.Reply ratio = api.post(path, supervisor, "{\"proposed\":{\"callsPerReadyAgent\":40}}");
            assertEquals(400, ratio.status(), ratio.text());
            assertTrue(ratio.text().contains("proposed.callsPerReadyAgent"), ratio.text());
            ApiHarness.Reply hours = api.post(path, supervisor, "{\"hours\":48}");
            assertEquals(400, hours.status(), hours.text());
            assertTrue(hours.text().contains("\"hours\""), hours.text());
            ApiHarness.Reply unknown = api.post(path, supervisor, "{\"proposed\":{\"ratio\":2}}");
            assertEquals(400, unknown.status(), unknown.text());
            assertTrue(unknown.text().contains("proposed.ratio"), unknown.text());

            // This harness has no simulator, as an API server started without one: a 409 saying so.
            ApiHarness.Reply none = api.post(path, supervisor, "{\"proposed\":{\"dialMode\":\"POWER\"}}");
            assertEquals(409, none.status(), none.text());
            assertTrue(none.text().contains("simulator"), none.text());
        }
    }
}
