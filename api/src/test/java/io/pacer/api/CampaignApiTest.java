package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void createsEditsDuplicatesWithListAndResponsiblesThenMarksDoneReadOnly(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long agent = api.user("ann", "AGENT").get("id").asLong();
            long group = api.post("/api/v1/groups", api.adminToken, "{\"name\":\"team\",\"members\":[" + agent + "]}").get("id").asLong();
            long id = api.campaign("\"dialMode\":\"POWER\",\"callsPerReadyAgent\":1.7,\"callsPerWrapAgent\":0.1,"
                    + "\"displayNumbers\":[\"+4930123456\"],\"responsibleUsers\":[" + agent + "],\"responsibleGroups\":[" + group + "],"
                    + "\"retryRules\":{\"BUSY\":{\"delaySeconds\":60,\"maxAttempts\":2}},"
                    + "\"hours\":[{\"weekday\":1,\"startMinute\":540,\"endMinute\":720},{\"weekday\":1,\"startMinute\":780,\"endMinute\":1020}]");
            ApiHarness.Reply got = api.get("/api/v1/campaigns/" + id, api.adminToken);
            assertEquals(200, got.status());
            assertEquals(1.7, got.get("callsPerReadyAgent").asDouble());
            assertEquals(2, got.get("hours").size());
            assertEquals(60, got.get("retryRules").get("BUSY").get("delaySeconds").asLong());

            // A client may send back what it read, read-only fields included.
            ApiHarness.Reply roundTrip = api.patch("/api/v1/campaigns/" + id, api.adminToken, got.text());
            assertEquals(200, roundTrip.status(), roundTrip.text());
            ApiHarness.Reply edited = api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"ringTimeoutMillis\":30000}");
            assertEquals(200, edited.status(), edited.text());
            assertEquals(30000, edited.get("ringTimeoutMillis").asLong());
            assertEquals(1.7, edited.get("callsPerReadyAgent").asDouble());

            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n", "");
            api.post("/api/v1/campaigns/" + id + "/outcomes", api.adminToken,
                    "{\"name\":\"Sale\",\"resultGroup\":\"Positive\",\"behaviour\":\"DONE\"}");
            ApiHarness.Reply copy = api.post("/api/v1/campaigns/" + id + "/duplicate", api.adminToken, "{\"name\":\"Autumn offer\"}");
            assertEquals(201, copy.status(), copy.text());
            long copyId = copy.get("id").asLong();
            assertEquals("Autumn offer", copy.get("name").asText());
            assertEquals(agent, copy.get("responsibleUsers").get(0).asLong());
            assertEquals(group, copy.get("responsibleGroups").get(0).asLong());
            assertEquals(30000, copy.get("ringTimeoutMillis").asLong());
            assertEquals(2, api.get("/api/v1/campaigns/" + copyId + "/contacts", api.adminToken).json().size());
            assertEquals("Sale", api.get("/api/v1/campaigns/" + copyId + "/outcomes", api.adminToken).json().get(0).get("name").asText());

            ApiHarness.Reply done = api.post("/api/v1/campaigns/" + id + "/done", api.adminToken, "");
            assertTrue(done.get("done").asBoolean());
            ApiHarness.Reply refused = api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"name\":\"x\"}");
            assertEquals(409, refused.status());
            assertEquals("done", refused.get("error").get("field").asText());
            assertEquals(409, api.importCsv(id, "APPEND", "phone,name\n+4930333333,C\n", "").status());
            assertEquals(409, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            assertEquals("Spring offer", api.get("/api/v1/campaigns/" + id, api.adminToken).get("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void rejectsInvalidRequestsNamingTheFieldAndChangesNothing(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            ApiHarness.Reply r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"ringTimeoutMillis\":10000}");
            assertEquals(400, r.status());
            assertEquals("ringTimeoutMillis", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"dialMode\":\"TURBO\"}");
            assertEquals("dialMode", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"status\":\"AUTOMATIC\"}");
            assertEquals("hours", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"retryRules\":{\"BUSY\":{\"delaySeconds\":\"soon\"}}}");
            assertEquals("retryRules.BUSY.delaySeconds", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"responsibleUsers\":[99]}");
            assertEquals("responsibleUsers", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"ringTimeout\":20000}");
            assertEquals(400, r.status());
            assertEquals("ringTimeout", r.get("error").get("field").asText(), "a misspelt setting must not be ignored");
            assertTrue(r.get("error").get("problem").asText().contains("ringTimeoutMillis"), r.get("error").toString());
            r = api.post("/api/v1/campaigns", api.adminToken, "{\"name\":\"x\",\"hours\":[{\"weekday\":1,\"startMinute\":0,\"endMinute\":60,\"tz\":\"UTC\"}]}");
            assertEquals("hours[0].tz", r.get("error").get("field").asText());
            r = api.post("/api/v1/campaigns", api.adminToken, "not json");
            assertEquals(400, r.status());
            assertEquals("body", r.get("error").get("field").asText());
            assertEquals(0, api.get("/api/v1/campaigns", api.adminToken).json().size());

            assertEquals(401, api.get("/api/v1/campaigns", null).status());
            assertEquals(401, api.get("/api/v1/campaigns", "wrong").status());
            String agent = api.user("ann", "AGENT").get("token").asText();
            ApiHarness.Reply forbidden = api.post("/api/v1/campaigns", agent, "{\"name\":\"x\"}");
            assertEquals(403, forbidden.status());
            assertEquals("role", forbidden.get("error").get("field").asText());
            assertEquals(404, api.get("/api/v1/campaigns/77", api.adminToken).status());
            assertEquals("campaignId", api.get("/api/v1/campaigns/77", api.adminToken).get("error").get("field").asText());
            assertEquals(404, api.get("/api/v1/nothing", api.adminToken).status());
            assertEquals(0, api.get("/api/v1/campaigns", api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void oneEngineOwnsARunningCampaignAndAnAdministratorClearsAStaleLock(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String supervisor = api.user("sam", "SUPERVISOR").get("token").asText();
            assertTrue(api.storage.campaigns().lock(id, "engine-gone", System.currentTimeMillis()));
            ApiHarness.Reply refused = api.post("/api/v1/campaigns/" + id + "/start", supervisor, "");
            assertEquals(409, refused.status());
            assertEquals("lock", refused.get("error").get("field").asText());
            assertEquals(403, api.delete("/api/v1/campaigns/" + id + "/lock", supervisor).status());
            assertEquals(200, api.delete("/api/v1/campaigns/" + id + "/lock", api.adminToken).status());
            ApiHarness.Reply started = api.post("/api/v1/campaigns/" + id + "/start", supervisor, "");
            assertEquals(200, started.status(), started.text());
            assertEquals("engine-test", api.get("/api/v1/campaigns/" + id, supervisor).get("lockOwner").asText());
            assertFalse(api.storage.campaigns().lock(id, "engine-other", System.currentTimeMillis()));
            api.post("/api/v1/campaigns/" + id + "/stop", supervisor, "");
            assertTrue(api.get("/api/v1/campaigns/" + id, supervisor).get("lockOwner").isNull());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void automaticCampaignDialsNothingOutsideItsHours(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            // A period that has just ended today, and none other: closed now.
            java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
            int weekday = now.getDayOfWeek().getValue();
            int minute = now.getHour() * 60 + now.getMinute();
            String closed = minute < 2 ? "{\"weekday\":" + (weekday % 7 + 1) + ",\"startMinute\":0,\"endMinute\":1}"
                    : "{\"weekday\":" + weekday + ",\"startMinute\":0,\"endMinute\":" + (minute - 1) + "}";
            long id = api.campaign("\"status\":\"AUTOMATIC\",\"hours\":[" + closed + "]");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot slot = new ContactSlot();
            for (int i = 0; i < 20; i++) {
                assertFalse(api.storage.hopper().next((int) id, System.currentTimeMillis(), slot));
                ApiHarness.sleep(50);
            }
            StringBuilder allWeek = new StringBuilder();
            for (int d = 1; d <= 7; d++) {
                allWeek.append(d > 1 ? "," : "").append("{\"weekday\":").append(d).append(",\"startMinute\":0,\"endMinute\":1440}");
            }
            assertEquals(200, api.patch("/api/v1/campaigns/" + id, api.adminToken, "{\"hours\":[" + allWeek + "]}").status());
            assertEquals("+4930111111", api.takeFromHopper(id).number);
        }
    }
}
