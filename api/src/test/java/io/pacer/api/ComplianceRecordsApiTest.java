package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 through the API on both databases: a campaign's safe-harbour message uploaded and checked, consent
 * recorded and required, and the audit's records of what was refused and of each abandoned call's message latency.
 */
class ComplianceRecordsApiTest {

    /** {@code millis} of a 400 Hz tone as a WAV file at {@code rate} Hz, {@code channels} channels, 16-bit PCM. */
    static byte[] wav(int millis, float rate, int channels) throws Exception {
        int frames = (int) (rate * millis / 1000);
        byte[] pcm = new byte[frames * 2 * channels];
        for (int i = 0; i < frames; i++) {
            short s = (short) (3000 * Math.sin(2 * Math.PI * 400 * i / rate));
            for (int ch = 0; ch < channels; ch++) {
                pcm[(i * channels + ch) * 2] = (byte) s;
                pcm[(i * channels + ch) * 2 + 1] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anUploadedMessageIsCheckedStoredAndLetsAnFccCampaignStart(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"dialMode\":\"PREDICTIVE\"");
            assertEquals(200, api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"regime\":\"fcc\"}").status());
            String message = "/api/v1/campaigns/" + id + "/message";
            assertEquals(409, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status(),
                    "no message, no predictive start under fcc");
            assertRefused(api.requestBytes("PUT", message, api.adminToken, "audio/wav", "not audio at all".getBytes()),
                    "not a readable WAV");
            assertRefused(api.requestBytes("PUT", message, api.adminToken, "audio/wav", wav(2000, 16000, 1)), "8000 Hz");
            assertRefused(api.requestBytes("PUT", message, api.adminToken, "audio/wav", wav(2000, 8000, 2)), "mono");
            assertRefused(api.requestBytes("PUT", message, api.adminToken, "audio/wav", wav(400, 8000, 1)), "1000 to 30000 ms");
            assertRefused(api.requestBytes("PUT", message, api.adminToken, "audio/wav", wav(31_000, 8000, 1)), "1000 to 30000 ms");
            assertEquals(415, api.requestBytes("PUT", message, api.adminToken, "text/plain", wav(2000, 8000, 1)).status());
            assertEquals(404, api.get(message, api.adminToken).status(), "nothing refused was stored");
            assertEquals(null, abandonMessage(api, id));

            ApiHarness.Reply stored = api.requestBytes("PUT", message + "?name=spring-sale.wav", api.adminToken, "audio/wav",
                    wav(2500, 8000, 1));
            assertEquals(200, stored.status(), stored.text());
            assertEquals("PCM16", stored.get("encoding").asText());
            assertEquals(2500, stored.get("lengthMillis").asLong());
            assertEquals("spring-sale.wav", abandonMessage(api, id));
            assertEquals(2500, api.storage.messages().audio(id).map(ComplianceRecordsApiTest::lengthMillis).orElseThrow());
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status(),
                    "the uploaded message lets it start");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/stop", api.adminToken, "").status());

            assertEquals(204, api.delete(message, api.adminToken).status());
            assertEquals(404, api.get(message, api.adminToken).status());
            assertEquals(null, abandonMessage(api, id));
            assertEquals(409, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void contactsNotDialledAreRecordedWithTheReasonAndConsentReleasesThem(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"requireConsent\":true,\"dialUnknownZones\":false,\"lockoutMinutes\":60");
            String contacts = "/api/v1/campaigns/" + id + "/contacts";
            long consented = contact(api, contacts, "+442079460001");
            long noConsent = contact(api, contacts, "+442079460002");
            long blocked = contact(api, contacts, "+442079460003");
            long unknownZone = contact(api, contacts, "+80012345678");
            for (long c : new long[] {consented, blocked, unknownZone}) {
                ApiHarness.Reply given = api.request("PUT", contacts + "/" + c + "/consent", api.adminToken,
                        "application/json", "{\"basis\":\"express_written\",\"source\":\"web form 7\",\"at\":\"2026-01-05T10:00:00Z\"}");
                assertEquals(200, given.status(), given.text());
            }
            assertEquals(400, api.request("PUT", contacts + "/" + noConsent + "/consent", api.adminToken,
                    "application/json", "{\"source\":\"web\"}").status(), "a consent needs its basis");
            assertEquals(404, api.get(contacts + "/" + noConsent + "/consent", api.adminToken).status());
            assertEquals("web form 7", api.get(contacts + "/" + consented + "/consent", api.adminToken).get("source").asText());
            assertEquals(201, api.post("/api/v1/dnc", api.adminToken, "{\"campaignId\":" + id + ",\"phone\":\"+442079460003\"}").status());

            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            ContactSlot dialled = api.takeFromHopper(id);
            assertEquals(consented, dialled.contactId, "only the consented contact in a known zone is dialled");
            String base = "/api/v1/campaigns/" + id + "/compliance";
            Map<String, Long> refused = waitForRefusals(api, base, 3);
            assertEquals(Map.of("CONSENT", noConsent, "DO_NOT_CALL", blocked, "UNKNOWN_ZONE", unknownZone), refusedContacts(api, base));
            assertEquals(1, refused.get("CONSENT"));

            // Consent given later: the contact held back only for want of it is due at once.
            assertEquals(200, api.request("PUT", contacts + "/" + noConsent + "/consent", api.adminToken,
                    "application/json", "{\"basis\":\"existing_customer\",\"atMillis\":1767600000000}").status());
            assertEquals(noConsent, api.takeFromHopper(id).contactId);

            // An abandoned call: its message latency lands in the attempt record, and the lockout is recorded.
            CallRecord r = new CallRecord();
            r.callId = 7_000_000_001L;
            r.campaignId = (int) id;
            r.contactId = consented;
            r.number = dialled.number;
            r.outcome = CallOutcome.ABANDONED;
            r.startEpochMillis = System.currentTimeMillis() - 30_000;
            r.answerNanos = 10_000_000_000L;
            r.endNanos = 20_000_000_000L;
            // As the SIP adapter does: the core journals the call when it abandons it, the latency comes after.
            api.storage.callJournal().record(r);
            assertTrue(api.storage.journal().flush(10_000));
            assertEquals(-1, api.get(base + "/abandoned", api.adminToken).get("calls").get(0).get("messageLatencyMicros").asLong(),
                    "no message yet");
            api.storage.messageLatencies().record(r.callId, 1_761_500);
            JsonNode calls = awaitLatency(api, base);
            assertEquals(1, calls.size());
            assertEquals(1_761_500, calls.get(0).get("messageLatencyMicros").asLong());
            assertEquals(consented, calls.get(0).get("contactId").asLong());
            // The other order (the figure waits for its record) comes to the same.
            r.callId = 7_000_000_002L;
            r.contactId = noConsent;
            r.number = "+442079460002";
            api.storage.messageLatencies().record(r.callId, 1_802_000);
            api.storage.callJournal().record(r);
            assertTrue(api.storage.journal().flush(10_000));
            calls = api.get(base + "/abandoned", api.adminToken).get("calls");
            assertEquals(2, calls.size());
            assertEquals(1_802_000, calls.get(0).get("messageLatencyMicros").asLong(), "newest first");
            JsonNode audit = api.get(base, api.adminToken).json();
            assertEquals(2, audit.get("abandonedCalls").get("calls").asLong());
            assertEquals(2, audit.get("abandonedCalls").get("withMessage").asLong());
            assertEquals(0, audit.get("abandonedCalls").get("overDeadline").asLong(), "custom sets no deadline");
            assertEquals(1802.0, audit.get("abandonedCalls").get("maxMessageLatencyMillis").asDouble(), 1e-9);
            assertEquals(2, audit.get("refused").get("LOCKOUT").asLong());
            JsonNode lockout = api.get(base + "/refusals?reason=lockout", api.adminToken).get("refusals");
            assertEquals(2, lockout.size());
            assertEquals(consented, lockout.get(1).get("contactId").asLong());
            assertEquals(lockout.get(0).get("atMillis").asLong() + 60 * 60_000L, lockout.get(0).get("nextDueMillis").asLong(),
                    "held back for the campaign's 60-minute lockout");

            JsonNode page = api.get(base + "/refusals?limit=2", api.adminToken).json();
            assertEquals(2, page.get("refusals").size(), "paged");
            String csv = api.get(base + "/abandoned?format=csv", api.adminToken).text();
            assertTrue(csv.contains("," + r.number + ",ABANDONED,") && csv.endsWith(",1761.500,\n") && csv.contains(",1802.000,"), csv);
            String refusedCsv = api.get(base + "/refusals?format=csv&reason=consent", api.adminToken).text();
            assertTrue(refusedCsv.contains(noConsent + ",+442079460002,CONSENT,"), refusedCsv);
            String days = api.get(base + "?format=csv", api.adminToken).text();
            assertTrue(days.contains(LocalDate.now(ZoneOffset.UTC) + ",2,2,1.00000,0,1,1,2,1"), days);
            assertEquals(400, api.get(base + "/refusals?reason=sunspots", api.adminToken).status());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anAssuredContactGoesOutWithAnAgentReservedAndMayBeCalledInsideTheLockout(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"lockoutMinutes\":4320");
            String contacts = "/api/v1/campaigns/" + id + "/contacts";
            long plain = contact(api, contacts, "+442079460011");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            ContactSlot first = api.takeFromHopper(id);
            assertEquals(plain, first.contactId);
            assertEquals(-1, first.ownerAgentId, "an ordinary contact goes to any agent");
            CallRecord r = new CallRecord();
            r.callId = 7_000_000_101L;
            r.campaignId = (int) id;
            r.contactId = plain;
            r.number = first.number;
            r.outcome = CallOutcome.ABANDONED;
            r.startEpochMillis = System.currentTimeMillis() - 30_000;
            r.answerNanos = 10_000_000_000L;
            r.endNanos = 20_000_000_000L;
            api.storage.callJournal().record(r);
            assertTrue(api.storage.journal().flush(10_000));
            long lockedUntil = api.get(contacts + "/" + plain, api.adminToken).get("nextDueMillis").asLong();
            assertTrue(lockedUntil > System.currentTimeMillis() + 71 * 3_600_000L, "72 h lockout after the abandon");

            assertEquals(false, api.get(contacts + "/" + plain + "/assured", api.adminToken).get("assured").asBoolean());
            ApiHarness.Reply marked = api.request("PUT", contacts + "/" + plain + "/assured", api.adminToken, null, null);
            assertEquals(200, marked.status(), marked.text());
            assertTrue(marked.get("assured").asBoolean());
            ContactSlot again = api.takeFromHopper(id);
            assertEquals(plain, again.contactId, "assured, it may be called inside the lockout");
            assertEquals(ContactSlot.ASSURED, again.ownerAgentId, "only with an agent reserved for it");
            assertEquals(404, api.request("PUT", contacts + "/999999/assured", api.adminToken, null, null).status());
            assertEquals(false, api.delete(contacts + "/" + plain + "/assured", api.adminToken).get("assured").asBoolean());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void pooledCampaignsAreMeasuredAndSeededAsOneCallingCampaign(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long north = api.campaign("\"abandonPool\":\"spring offer\"");
            long south = api.campaign("\"abandonPool\":\"spring offer\"");
            long alone = api.campaign("");
            ApiHarness.Reply other = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"Ofcom leg\",\"timeZone\":\"UTC\","
                    + "\"regime\":\"ofcom\",\"abandonPool\":\"spring offer\"}");
            assertEquals(400, other.status(), other.text());
            assertEquals("abandonPool", other.get("error").get("field").asText());
            record(api, north, 95, 5);
            record(api, south, 100, 0);
            record(api, alone, 10, 3);
            api.storage.abandons().flush();

            JsonNode audit = api.get("/api/v1/campaigns/" + north + "/compliance", api.adminToken).json();
            assertEquals(100, audit.get("answers").asLong(), "the campaign's own figures stay its own");
            assertEquals(5, audit.get("abandons").asLong());
            JsonNode pool = audit.get("pool");
            assertEquals("spring offer", pool.get("name").asText());
            assertEquals(List.of(north, south), List.of(pool.get("campaigns").get(0).asLong(), pool.get("campaigns").get(1).asLong()));
            assertEquals(200, pool.get("answers").asLong());
            assertEquals(5, pool.get("abandons").asLong());
            assertEquals(0.025, pool.get("abandonRate").asDouble(), 1e-12);
            assertTrue(api.get("/api/v1/campaigns/" + alone + "/compliance", api.adminToken).get("pool") == null);

            var seeded = api.storage.engineConfig(api.storage.campaigns().get(south)).abandonHistory();
            assertEquals(200, seeded.totalAnswers(), "a pooled campaign's budget starts from the pool's window");
            assertEquals(5, seeded.totalAbandons());
            assertEquals("spring offer", seeded.pool(), "the core is told the pool, so its running members share one budget");
            assertEquals(null, api.storage.engineConfig(api.storage.campaigns().get(alone)).abandonHistory().pool());
            assertEquals(13, api.storage.engineConfig(api.storage.campaigns().get(alone)).abandonHistory().totalAnswers());
        }
    }

    /** Plays the core: {@code connected} bridged calls and {@code abandoned} abandoned ones of a campaign. */
    private static void record(ApiHarness api, long campaignId, int connected, int abandoned) {
        CallRecord r = new CallRecord();
        for (int i = 0; i < connected + abandoned; i++) {
            r.campaignId = (int) campaignId;
            r.callId = 9_000_000L * campaignId + i;
            r.contactId = 0;
            r.number = "+442079460999";
            r.outcome = i < connected ? CallOutcome.CONNECTED : CallOutcome.ABANDONED;
            api.storage.callJournal().record(r);
        }
    }

    private static JsonNode awaitLatency(ApiHarness api, String base) {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode calls;
        do {
            ApiHarness.sleep(20);
            calls = api.get(base + "/abandoned", api.adminToken).get("calls");
        } while (calls.get(0).get("messageLatencyMicros").asLong() < 0 && System.currentTimeMillis() < deadline);
        return calls;
    }

    private static String abandonMessage(ApiHarness api, long campaignId) {
        JsonNode m = api.get("/api/v1/campaigns/" + campaignId, api.adminToken).json().path("compliance").path("abandonMessage");
        return m.isMissingNode() || m.isNull() ? null : m.asText();
    }

    private static long lengthMillis(byte[] wav) {
        try {
            return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav)).getFrameLength() / 8;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long contact(ApiHarness api, String contacts, String phone) {
        ApiHarness.Reply r = api.post(contacts, api.adminToken, "{\"phone\":\"" + phone + "\"}");
        assertEquals(201, r.status(), r.text());
        return r.get("id").asLong();
    }

    private static void assertRefused(ApiHarness.Reply reply, String why) {
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("body") && reply.text().contains(why), reply.text());
    }

    private static Map<String, Long> waitForRefusals(ApiHarness api, String base, int atLeast) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonNode refused = api.get(base, api.adminToken).get("refused");
            Map<String, Long> counts = new HashMap<>();
            long total = 0;
            for (var it = refused.fields(); it.hasNext(); ) {
                var e = it.next();
                counts.put(e.getKey(), e.getValue().asLong());
                total += e.getValue().asLong();
            }
            if (total >= atLeast || System.currentTimeMillis() > deadline) {
                return counts;
            }
            ApiHarness.sleep(50);
        }
    }

    private static Map<String, Long> refusedContacts(ApiHarness api, String base) {
        Map<String, Long> byReason = new HashMap<>();
        for (JsonNode r : api.get(base + "/refusals", api.adminToken).get("refusals")) {
            byReason.put(r.get("reason").asText(), r.get("contactId").asLong());
        }
        return byReason;
    }
}
