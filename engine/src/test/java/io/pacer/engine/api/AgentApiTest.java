package io.pacer.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.store.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.engine.store.TestDatabases#both")
    void onlyResponsibleUsersAndMembersOfResponsibleGroupsMayWorkACampaign(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            JsonNode bob = api.user("bob", "AGENT");
            JsonNode eve = api.user("eve", "AGENT");
            long group = api.post("/api/v1/groups", api.adminToken, "{\"name\":\"team\",\"members\":[" + bob.get("id") + "]}")
                    .get("id").asLong();
            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "],\"responsibleGroups\":[" + group + "]");
            String login = "/api/v1/campaigns/" + id + "/agents/me/login";
            assertEquals(200, api.post(login, ann.get("token").asText(), "").status());
            assertEquals(200, api.post(login, bob.get("token").asText(), "").status());
            ApiHarness.Reply refused = api.post(login, eve.get("token").asText(), "");
            assertEquals(403, refused.status());
            assertEquals("campaignId", refused.get("error").get("field").asText());
            assertEquals(404, api.post("/api/v1/campaigns/99/agents/me/login", ann.get("token").asText(), "").status());
            assertEquals("READY", api.post("/api/v1/agents/me/ready", ann.get("token").asText(), "").get("state").asText());
            assertEquals(401, api.post("/api/v1/agents/me/ready", null, "").status());
        }
    }
}
