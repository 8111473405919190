package io.pacer.api;

import io.pacer.engine.control.EngineControl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.AgentSessions;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
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
            ApiHarness.Reply ready = api.post("/api/v1/agents/me/ready", ann.get("token").asText(), "");
            assertEquals(202, ready.status(), "no core can confirm the state, so none is claimed");
            assertEquals("READY", ready.get("requested").asText());
            assertEquals(null, ready.get("state"));
            assertEquals(401, api.post("/api/v1/agents/me/ready", null, "").status());
        }
    }

    /** The core's control with phones whose sessions answer every login with {@code opening}. */
    private static EngineControl phones(AgentSessions.Opening opening) {
        return new EngineControl() {
            @Override public void configure(CampaignConfig config) { }
            @Override public void setRunning(int campaignId, boolean running) { }
            @Override public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) { }
            @Override public AgentSessions.Opening agentLogin(int agentId, int campaignId) { return opening; }
            @Override public void agentReady(int agentId) { }
            @Override public void agentPause(int agentId) { }
            @Override public void agentLogout(int agentId) { }
            @Override public CampaignStats stats(int campaignId) { return null; }
        };
    }

    /** Agent ann, responsible for a campaign, logs in to it while the phones answer with {@code opening}. */
    private static ApiHarness.Reply loginWhilePhones(Supplier<Database> db, AgentSessions.Opening opening) throws Exception {
        try (ApiHarness api = new ApiHarness(db, phones(opening))) {
            JsonNode ann = api.user("ann", "AGENT");
            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "]");
            return api.post("/api/v1/campaigns/" + id + "/agents/me/login", ann.get("token").asText(), "");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void loginOfAnAgentWhosePhoneCannotBeReachedIsAConflictNamingTheReason(Supplier<Database> db) throws Exception {
        ApiHarness.Reply refused = loginWhilePhones(db, AgentSessions.Opening.UNREACHABLE);
        assertEquals(409, refused.status());
        assertEquals("phone", refused.get("error").get("field").asText());
        assertEquals(AgentSessions.Opening.UNREACHABLE.problem(), refused.get("error").get("problem").asText());
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void loginWhilePacerCallsThePhoneIsAcceptedAsCallingPhone(Supplier<Database> db) throws Exception {
        ApiHarness.Reply accepted = loginWhilePhones(db, AgentSessions.Opening.CALLING);
        assertEquals(202, accepted.status());
        assertEquals("CALLING_PHONE", accepted.get("state").asText());
    }
}
