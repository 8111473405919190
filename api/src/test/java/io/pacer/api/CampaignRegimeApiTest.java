package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A campaign names its regime and gets its floors: a setting that breaks one is refused naming it. */
class CampaignRegimeApiTest {

    private static final String NEW = "{\"name\":\"Spring offer\",\"status\":\"ENABLED\",\"timeZone\":\"UTC\",";

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void namingARegimeBringsEveryFigureLeftOutWithinItsFloors(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            ApiHarness.Reply fcc = api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"fcc\"}");
            assertEquals(201, fcc.status(), fcc.text());
            assertEquals("FCC", fcc.get("compliance").get("regime").asText());
            assertEquals(1750, fcc.get("connectLimitMillis").asLong(), "2 s deadline less the 250 ms margin");
            assertEquals(480, fcc.get("windowStartMinute").asLong());
            assertEquals(1260, fcc.get("windowEndMinute").asLong());

            ApiHarness.Reply ofcom = api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"OFCOM\"}");
            assertEquals(201, ofcom.status(), ofcom.text());
            assertEquals(72 * 60, ofcom.get("compliance").get("lockoutMinutes").asLong());
            ApiHarness.Reply holidays = api.patch("/api/v1/campaigns/" + ofcom.get("id").asLong(), api.adminToken,
                    "{\"holidays\":[\"2026-12-26\",\"2026-12-25\"]}");
            assertEquals(200, holidays.status(), holidays.text());
            assertEquals("2026-12-25", api.get("/api/v1/campaigns/" + ofcom.get("id").asLong(), api.adminToken)
                    .get("compliance").get("holidays").get(0).asText(), "stored, in order");

            long legacy = api.campaign("\"connectLimitMillis\":5000,\"abandonTarget\":0.08");
            ApiHarness.Reply moved = api.patch("/api/v1/campaigns/" + legacy, api.adminToken, "{\"regime\":\"crtc\"}");
            assertEquals(200, moved.status(), moved.text());
            assertEquals(1750, moved.get("connectLimitMillis").asLong());
            assertEquals(0.05, moved.get("abandonTarget").asDouble());
            assertEquals(540, moved.get("windowStartMinute").asLong());
            assertEquals(1290, moved.get("windowEndMinute").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void refusesASettingThatBreaksTheRegimeNamingItAndKeepsWhatWasStored(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"fcc\",\"connectLimitMillis\":2000}"),
                    "connectLimitMillis", "fcc");
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"crtc\",\"abandonTarget\":0.06}"),
                    "abandonTarget", "crtc");
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"ofcom\",\"lockoutMinutes\":60}"),
                    "lockoutMinutes", "ofcom");
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"fcc\",\"windowStartMinute\":420}"),
                    "windowStartMinute", "fcc");
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"regime\":\"fda\"}"), "regime", "fcc");
            refused(api.post("/api/v1/campaigns", api.adminToken, NEW + "\"holidays\":[\"25/12/2026\"]}"), "holidays",
                    "25/12/2026");
            assertEquals(0, api.get("/api/v1/campaigns", api.adminToken).json().size(), "nothing refused was stored");

            long id = api.campaign("\"regime\":\"fcc\",\"windowStartMinute\":480,\"windowEndMinute\":1260");
            refused(api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"ringTimeoutMillis\":14000}"),
                    "ringTimeoutMillis", "15000");
            refused(api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"abandonTarget\":0.04}"), "abandonTarget", "fcc");
            assertEquals(0.03, api.get("/api/v1/campaigns/" + id, api.adminToken).get("abandonTarget").asDouble());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aPredictiveCampaignUnderFccCannotStartWithoutAMessage(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"regime\":\"fcc\",\"dialMode\":\"PREDICTIVE\",\"windowStartMinute\":480,"
                    + "\"windowEndMinute\":1260");
            ApiHarness.Reply start = api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            assertEquals(409, start.status(), start.text());
            assertEquals("abandonMessage", start.get("error").get("field").asText());
            assertTrue(api.get("/api/v1/campaigns/" + id, api.adminToken).get("lockOwner").isNull(),
                    "a refused start takes no lock");

            long progressive = api.campaign("\"regime\":\"fcc\",\"windowStartMinute\":480,\"windowEndMinute\":1260");
            assertEquals(200, api.post("/api/v1/campaigns/" + progressive + "/start", api.adminToken, "").status(),
                    "progressive dialling never abandons, so it needs no message");

            ApiHarness.Reply withMessage = api.patch("/api/v1/campaigns/" + id, api.adminToken,
                    "{\"abandonMessage\":\"spring-offer-safe-harbour.wav\"}");
            assertEquals("spring-offer-safe-harbour.wav", withMessage.get("compliance").get("abandonMessage").asText());
            ApiHarness.Reply started = api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            assertEquals(200, started.status(), started.text());
        }
    }

    private static void refused(ApiHarness.Reply r, String field, String named) {
        assertEquals(400, r.status(), r.text());
        assertEquals(field, r.get("error").get("field").asText());
        assertTrue(r.text().contains(named), r.text());
    }
}
