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
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A notice of departure given over HTTP reaches the real core: pacing stops dialling for the leaving agent (its
 * departure is within one ring timeout plus connect limit) and dials for it again once the notice is withdrawn.
 */
class DepartureApiTest {
    private final AtomicInteger dials = new AtomicInteger();
    private final java.util.Queue<Long> ringing = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong nextContact = new AtomicLong(1);

    private final Telephony counting = new Telephony() {
        @Override public void dial(long callId, int campaignId, long contactId, String number, String callerId, long t) {
            ringing.add(callId);
            dials.incrementAndGet();
        }
        @Override public void cancel(long callId) { }
        @Override public void bridge(long callId, int agentId) { }
        @Override public void hangUp(long callId) { }
        @Override public void abandon(long callId) { }
        @Override public void offerPreview(int agentId, long contactId, String number) { }
    };

    /** An endless list: every call placed rings until the test ends, so the dials count the calls in flight. */
    private final ContactSupply endless = new ContactSupply() {
        @Override public boolean next(int campaignId, long epochMillis, ContactSlot out) {
            out.clear();
            out.contactId = nextContact.getAndIncrement();
            out.number = "+4420794600" + String.format("%02d", out.contactId % 100);
            return true;
        }
        @Override public void giveBack(int campaignId, long contactId) { }
    };

    @Test
    void aNoticeOverHttpStopsPacingCountingOnTheAgentUntilWithdrawn() throws Exception {
        try (EngineRing ring = new EngineRing(EngineLimits.defaults(), SystemClock.INSTANCE, counting, endless, r -> { }, 64);
             ApiHarness api = new ApiHarness(TestDatabases::sqlite, new RingEngineControl(ring))) {
            JsonNode ann = api.user("ann", "AGENT");
            JsonNode bob = api.user("bob", "AGENT");
            String boss = api.user("boss", "SUPERVISOR").get("token").asText();
            long id = api.campaign("\"responsibleUsers\":[" + ann.get("id") + "," + bob.get("id") + "],\"dialMode\":\"POWER\"");
            // Two calls per ready agent; ring timeout 15 s and connect limit 2 s: a notice 10 s ahead is within them.
            ring.command(core -> core.upsertCampaign(new CampaignConfig((int) id, "c", DialMode.POWER, 2.0, 0, 0.03,
                    15_000, 2_000, 100, null)));
            String annPath = "/api/v1/agents/" + ann.get("id") + "/departure";
            String leaveSoon = "{\"leaveAt\":\"" + Instant.now().plusSeconds(10) + "\"}";
            assertEquals(409, api.post(annPath, boss, leaveSoon).status(), "logged in nowhere: no notice to keep");
            for (JsonNode agent : new JsonNode[] {ann, bob}) {
                String token = agent.get("token").asText();
                assertEquals(200, api.post("/api/v1/campaigns/" + id + "/agents/me/login", token, "").status());
            }
            refused(api, annPath, boss, "{}");
            refused(api, annPath, boss, "{\"leaveAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
            refused(api, annPath, boss, "{\"leaveAt\":\"" + Instant.now().plusSeconds(25 * 3600) + "\"}");
            refused(api, annPath, boss, "{\"leaveAt\":\"tomorrow\"}");
            assertEquals(403, api.post(annPath, bob.get("token").asText(), leaveSoon).status(), "an agent gives only its own notice");

            ring.command(core -> core.setRunning((int) id, true));
            waitForDials(4);
            assertEquals(4, dials.get(), "two ready agents, two calls each");

            ApiHarness.Reply given = api.post(annPath, boss, leaveSoon);
            assertEquals(200, given.status(), given.text());
            assertEquals(ann.get("id").asLong(), given.get("agentId").asLong());
            assertEquals(2, redial(ring, 2), "only bob is counted on: ann leaves before a call dialled now could reach her");

            ApiHarness.Reply withdrawn = api.delete(annPath, boss);
            assertEquals(204, withdrawn.status(), withdrawn.text());
            waitForDials(4);
            assertEquals(4, dials.get(), "ann stays after all: dialled for again");
        }
    }

    private static void refused(ApiHarness api, String path, String token, String body) throws Exception {
        ApiHarness.Reply r = api.post(path, token, body);
        assertEquals(400, r.status(), body + " -> " + r.text());
        assertEquals("leaveAt", r.get("errors").get(0).get("field").asText(), r.text());
    }

    /** Fails every call ringing, so that pacing dials afresh; returns how many it dialled (waiting for {@code expected}). */
    private int redial(EngineRing ring, int expected) throws InterruptedException {
        java.util.List<Long> inFlight = new java.util.ArrayList<>(ringing);
        ringing.removeAll(inFlight);
        dials.set(0);
        for (long call : inFlight) {
            ring.callFailed(call, io.pacer.engine.call.CallOutcome.NO_ANSWER);
        }
        waitForDials(expected);
        Thread.sleep(500);
        return dials.get();
    }

    private void waitForDials(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (dials.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
