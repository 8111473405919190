package io.pacer.launcher;

import java.util.List;

import io.pacer.loopback.VirtualAgents;

import io.pacer.sip.stack.SipConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.ApiHarness;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.loopback.LoopbackWorld;
import io.pacer.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safe-harbour message end to end, as the composition root wires it (issue 12): a message uploaded through
 * the API is played by the SIP adapter to the campaign's abandoned customers over real SIP and RTP (the server has
 * no prompt of its own, so without it they would hear nothing), and each abandoned call's answer-to-message time
 * lands in its attempt record and the compliance audit, under Ofcom's 2 s.
 */
class AbandonMessageStorageTest {

    private static final long MESSAGE_MILLIS = 1_500;

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    /** The virtual phone's engine agent id, which is its user's id. */
    private static final int AGENT = 2;

    @ParameterizedTest
    @MethodSource("databases")
    void abandonedCustomersHearTheUploadedMessageAndItsLatencyIsStored(String[] db) throws Exception {
        // One agent and three calls per ready agent: every answer beyond the first waits out the connect limit.
        CarrierProfile profile = new CarrierProfile(1.0, 0.0, LongSampler.uniform(100, 300), LongSampler.fixed(8_000));
        LoopbackWorld.Settings settings = new LoopbackWorld.Settings(1, 1, profile, LongSampler.fixed(50), 3);
        try (LoopbackWorld world = new LoopbackWorld(settings);
             Pacer pacer = Pacer.builder().sip(LoopbackSipConfig.of(world).withAgents(List.of(new SipConfig.AgentConfig(
                     AGENT, VirtualAgents.user(0), VirtualAgents.password(0), 1, null, 0, true))))
                     .store(new Pacer.StoreSettings(db[0], db[1], null, "engine-message", null))
                     .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start()) {
            ApiHarness api = ApiHarness.client(pacer.api().port(), "admin-token");
            // The virtual phone is engine agent 2, the agent user made next (the administrator is user 1), named
            // the campaign's responsible: the core lets no one else work it.
            assertEquals(AGENT, api.user("ann", "AGENT").get("id").asInt());
            long id = api.campaign("\"regime\":\"ofcom\",\"dialMode\":\"POWER\",\"callsPerReadyAgent\":3.0,"
                    + "\"responsibleUsers\":[" + AGENT + "]");
            assertEquals(1, id, "the virtual agent logs in to campaign 1");
            api.importCsv(id, "APPEND", "phone,name\n+442079460101,A\n+442079460102,B\n+442079460103,C\n"
                    + "+442079460104,D\n+442079460105,E\n+442079460106,F\n", "");
            assertEquals(409, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status(),
                    "power under ofcom needs a message");
            ApiHarness.Reply uploaded = api.requestBytes("PUT", "/api/v1/campaigns/" + id + "/message?name=ofcom-id.wav",
                    "admin-token", "audio/wav", wav(MESSAGE_MILLIS));
            assertEquals(200, uploaded.status(), uploaded.text());
            assertNotNull(pacer.sip().prompts().of((int) id), "the upload reached the SIP adapter");
            assertEquals(MESSAGE_MILLIS, pacer.sip().prompts().of((int) id).millis());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", "admin-token", "").status());
            world.start(pacer.sip().sipPort());

            String audit = "/api/v1/campaigns/" + id + "/compliance";
            // The core journals an abandoned call when it abandons it; the latency follows once the message began.
            JsonNode calls = null;
            long deadline = System.currentTimeMillis() + 40_000;
            while (System.currentTimeMillis() < deadline) {
                calls = api.get(audit + "/abandoned", "admin-token").json().get("calls");
                if (calls.size() >= 2 && allHaveLatency(calls)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertNotNull(calls);
            assertTrue(calls.size() >= 2, "answers beyond the one agent were abandoned: " + calls);
            for (JsonNode call : calls) {
                long micros = call.get("messageLatencyMicros").asLong();
                assertTrue(micros >= 1_750_000 && micros < 2_000_000,
                        "the message began after the 1,750 ms connect limit and within Ofcom's 2 s: " + call);
            }
            JsonNode summary = api.get(audit, "admin-token").json().get("abandonedCalls");
            assertEquals(summary.get("calls").asLong(), summary.get("withMessage").asLong(), summary.toString());
            assertEquals(0, summary.get("overDeadline").asLong(), summary.toString());
            assertEquals(2_000, summary.get("messageDeadlineMillis").asLong());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/stop", "admin-token", "").status());
        }
    }

    private static boolean allHaveLatency(JsonNode calls) {
        for (JsonNode call : calls) {
            if (call.get("messageLatencyMicros").asLong() < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code millis} of a quiet 400 Hz tone, 8 kHz mono 16-bit PCM WAV. */
    private static byte[] wav(long millis) throws Exception {
        int frames = (int) (8 * millis);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) (2000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(8000, 16, 1, true, false), frames),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
