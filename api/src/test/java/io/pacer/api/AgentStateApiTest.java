package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.control.RingEngineControl;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.pacing.DialMode;
import io.pacer.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** Agent state replies report the state the real core reached, never merely the one asked for. */
class AgentStateApiTest {

    private static final Telephony SILENT = new Telephony() {
        @Override public void dial(long callId, int campaignId, long contactId, String number, String callerId, long t) { }
        @Override public void cancel(long callId) { }
        @Override public void bridge(long callId, int agentId) { }
        @Override public void hangUp(long callId) { }
        @Override public void abandon(long callId) { }
        @Override public void offerPreview(int agentId, long contactId, String number) { }
    };

    private static final ContactSupply EMPTY = new ContactSupply() {
        @Override public boolean next(int campaignId, long epochMillis, ContactSlot out) { return false; }
        @Override public void giveBack(int campaignId, long contactId) { }
    };

    @Test
    void anAgentWhoNeverLoggedInIsNotToldItIsReady() throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, SILENT, EMPTY, r -> { }, 64);
             ApiHarness api = new ApiHarness(TestDatabases::sqlite, new RingEngineControl(ring))) {
            JsonNode ann = api.user("ann", "AGENT");
            String token = ann.get("token").asText();
            ApiHarness.Reply never = api.post("/api/v1/agents/me/ready", token, "");
            assertEquals(409, never.status(), never.text());
            assertEquals("state", never.get("errors").get(0).get("field").asText());
            assertEquals(409, api.post("/api/v1/agents/me/pause", token, "").status());

            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "],\"dialMode\":\"PREVIEW\"");
            ring.command(core -> core.upsertCampaign(new CampaignConfig((int) id, "c", DialMode.PREVIEW, 1.0, 0, 0.03,
                    15_000, 2_000, 10, null)));
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());
            ApiHarness.Reply paused = api.post("/api/v1/agents/me/pause", token, "");
            assertEquals(200, paused.status(), paused.text());
            assertEquals("PAUSED", paused.get("state").asText());
            ApiHarness.Reply ready = api.post("/api/v1/agents/me/ready", token, "");
            assertEquals("READY", ready.get("state").asText());
            ApiHarness.Reply out = api.post("/api/v1/agents/me/logout", token, "");
            assertEquals("LOGGED_OUT", out.get("state").asText());
            assertEquals(409, api.post("/api/v1/agents/me/ready", token, "").status(), "logged out, not ready");
        }
    }

    @Test
    void aSupervisorPausesAnAgentWithAReasonAndTheReplyIsTheStateTheCoreReached() throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, SILENT, EMPTY, r -> { }, 64);
             ApiHarness api = new ApiHarness(TestDatabases::sqlite, new RingEngineControl(ring))) {
            JsonNode ann = api.user("ann", "AGENT");
            String token = ann.get("token").asText();
            String boss = api.user("boss", "SUPERVISOR").get("token").asText();
            String path = "/api/v1/agents/" + ann.get("id") + "/pause";
            ApiHarness.Reply loggedOut = api.post(path, boss, "{\"reasonCode\":7}");
            assertEquals(409, loggedOut.status(), "an agent logged in nowhere is not paused: " + loggedOut.text());

            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "],\"dialMode\":\"PREVIEW\"");
            ring.command(core -> core.upsertCampaign(new CampaignConfig((int) id, "c", DialMode.PREVIEW, 1.0, 0, 0.03,
                    15_000, 2_000, 10, null)));
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());
            assertEquals(403, api.post(path, token, "{\"reasonCode\":7}").status(), "an agent pauses only itself");
            ApiHarness.Reply bad = api.post(path, boss, "{\"reasonCode\":1001}");
            assertEquals(400, bad.status(), bad.text());
            assertEquals("reasonCode", bad.get("errors").get(0).get("field").asText());
            ApiHarness.Reply notAnAgent = api.post("/api/v1/agents/1/pause", boss, "");
            assertEquals(404, notAnAgent.status(), "user 1 is the administrator: " + notAnAgent.text());

            ApiHarness.Reply paused = api.post(path, boss, "{\"reasonCode\":7}");
            assertEquals(200, paused.status(), paused.text());
            assertEquals("PAUSED", paused.get("state").asText());
            JsonNode desk = api.get("/api/v1/agents/me", token).json().get("agent");
            assertEquals(7, desk.get("pauseReason").asInt());
            assertEquals("READY", api.post("/api/v1/agents/me/ready", token, "").get("state").asText());
        }
    }
}
