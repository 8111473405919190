package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The what-if end to end: a live Pacer dials the loopback carrier over SIP with progressive pacing; asked what
 * power 2.5 would do, it measures the campaign (the carrier's answer share, the agents working) and runs the
 * simulator under both settings: power dials more and abandons more than progressive, which abandons none.
 */
class WhatIfTest {

    @TempDir
    Path directory;

    @Test
    void aProposalIsSimulatedFromWhatTheLiveCampaignMeasured() throws Exception {
        // 60 % answered, 20 % busy, the rest unanswered; calls longer than the 2 s connect limit, so that a customer answered while every agent talks waits too long.
        CarrierProfile customers = new CarrierProfile(0.6, 0.2, LongSampler.uniform(100, 300), LongSampler.uniform(2_000, 4_000));
        try (DemoFloor floor = DemoFloor.start(new DemoFloor.Settings(6, DialMode.PROGRESSIVE, customers,
                LongSampler.fixed(200), true, 5_000, 0), directory)) {
            ApiHarness api = ApiHarness.client(floor.pacer().api().port(), floor.supervisorToken());
            String path = "/api/v1/campaigns/" + DemoFloor.CAMPAIGN + "/what-if";
            String body = "{\"hours\":0.25,\"proposed\":{\"dialMode\":\"POWER\",\"callsPerReadyAgent\":3.0}}";
            ApiHarness.Reply reply = api.post(path, floor.supervisorToken(), body);
            long deadline = System.currentTimeMillis() + 150_000;
            // Two chart samples (15 s apart) and 30 answered calls are needed first: the API says so until then.
            while (reply.status() == 409 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                reply = api.post(path, floor.supervisorToken(), body);
            }
            assertEquals(200, reply.status(), reply.text());
            JsonNode r = reply.json();
            JsonNode basis = r.get("basis");
            assertEquals(6, basis.get("agents").asDouble(), 1.5, "agents working: " + basis);
            assertEquals(0.6, basis.get("answerProbability").asDouble(), 0.15, basis.toString());
            assertEquals(0.2, basis.get("busyProbability").asDouble(), 0.12, basis.toString());
            assertTrue(basis.get("talkMeanSeconds").asDouble() > 1.5 && basis.get("talkMeanSeconds").asDouble() < 4.5,
                    basis.toString());
            assertEquals("PROGRESSIVE", r.get("currentSettings").get("dialMode").asText());
            assertEquals("POWER", r.get("proposedSettings").get("dialMode").asText());
            JsonNode now = r.get("current");
            JsonNode then = r.get("proposed");
            assertEquals(0.0, now.get("abandonRate").asDouble(), 1e-9, "progressive never abandons: " + now);
            assertTrue(then.get("dials").asDouble() > now.get("dials").asDouble(), r.toString());
            assertTrue(then.get("abandonRate").asDouble() > 0, "power 3.0 abandons: " + then);
            assertTrue(then.get("occupancy").asDouble() >= now.get("occupancy").asDouble(), r.toString());
            assertEquals(then.get("occupancy").asDouble() - now.get("occupancy").asDouble(),
                    r.get("difference").get("occupancy").asDouble(), 1e-9);
            // Nothing was changed on the campaign.
            assertEquals("PROGRESSIVE", api.get("/api/v1/campaigns/1", floor.supervisorToken()).json().get("dialMode").asText());
            assertTrue(DialMode.PROGRESSIVE.name().equalsIgnoreCase(floor.pacer().ring()
                    .query(core -> core.stats(DemoFloor.CAMPAIGN)).get(2, TimeUnit.SECONDS).dialMode()));
        }
    }
}
