package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.control.EngineControl;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator's routes around a contact's lifecycle: clearing a running lock, releasing, duplicating. */
class ContactLifecycleApiTest {

    /** A stand-in core that remembers which campaigns it was told to run or stop. */
    private static final class RecordingEngine implements EngineControl {
        final List<String> commands = new CopyOnWriteArrayList<>();

        @Override
        public void configure(CampaignConfig config) {
        }

        @Override
        public void setRunning(int campaignId, boolean running) {
            commands.add((running ? "run " : "stop ") + campaignId);
        }

        @Override
        public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        }

        @Override
        public AgentSessions.Opening agentLogin(int agentId, int campaignId) {
            return AgentSessions.Opening.NOT_NEEDED;
        }

        @Override
        public void agentReady(int agentId) {
        }

        @Override
        public void agentPause(int agentId) {
        }

        @Override
        public void agentLogout(int agentId) {
        }

        @Override
        public CampaignStats stats(int campaignId) {
            return null;
        }
    }

    private static long dialling(ApiHarness api, long campaignId) {
        return api.storage.db().read(c -> Jdbc.number(c,
                "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND state = 'DIALING'", campaignId));
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void clearingTheLockOfARunningCampaignStopsItsDiallingFirst(Supplier<Database> db) throws Exception {
        RecordingEngine engine = new RecordingEngine();
        try (ApiHarness api = new ApiHarness(db, engine)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930111112,B\n+4930111113,C\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            ContactSlot taken = api.takeFromHopper(id);
            assertTrue(dialling(api, id) >= 1);

            ApiHarness.Reply cleared = api.delete("/api/v1/campaigns/" + id + "/lock", api.adminToken);
            assertEquals(200, cleared.status(), cleared.text());
            assertTrue(cleared.get("lockOwner").isNull());
            assertEquals(List.of("run " + id, "stop " + id), engine.commands, "the core stopped dialling it");
            assertEquals(1, dialling(api, id), "only the contact the core holds; the queue went back");
            assertFalse(api.storage.hopper().next((int) id, System.currentTimeMillis(), new ContactSlot()));

            String contact = "/api/v1/campaigns/" + id + "/contacts/" + taken.contactId;
            ApiHarness.Reply released = api.post(contact + "/release", api.adminToken, "");
            assertEquals(200, released.status(), released.text());
            assertEquals("READY", released.get("state").asText());
            assertEquals(200, api.patch(contact, api.adminToken, "{\"name\":\"Edited\"}").status());
            assertEquals(0, dialling(api, id));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anIdBeyondAnIntNeverStopsTheCampaignItWrapsTo(Supplier<Database> db) throws Exception {
        RecordingEngine engine = new RecordingEngine();
        try (ApiHarness api = new ApiHarness(db, engine)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            api.takeFromHopper(id);
            // 2^32 + id is the same campaign to an int: "done" must find no such campaign, not stop this one.
            ApiHarness.Reply done = api.post("/api/v1/campaigns/" + ((1L << 32) + id) + "/done", api.adminToken, "");
            assertEquals(404, done.status(), done.text());
            assertEquals(List.of("run " + id), engine.commands, "the core was told nothing about another campaign");
            assertEquals("engine-test", api.get("/api/v1/campaigns/" + id, api.adminToken).get("lockOwner").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void releasingIsRefusedWhileAnEngineRunsTheCampaign(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot taken = api.takeFromHopper(id);
            ApiHarness.Reply refused = api.post("/api/v1/campaigns/" + id + "/contacts/" + taken.contactId + "/release",
                    api.adminToken, "");
            assertEquals(409, refused.status(), refused.text());
            assertTrue(refused.text().contains("engine-test"), refused.text());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aDuplicatedCampaignNeverDialsANumberItsSourceBlocked(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930111112,B\n+4930111113,C\n", "");
            ApiHarness.Reply blocked = api.post("/api/v1/dnc", api.adminToken,
                    "{\"campaignId\":" + id + ",\"phone\":\"+4930111112\"}");
            assertEquals(201, blocked.status(), blocked.text());
            ApiHarness.Reply copy = api.post("/api/v1/campaigns/" + id + "/duplicate", api.adminToken, "{\"name\":\"Copy\"}");
            assertEquals(201, copy.status(), copy.text());
            long copyId = copy.get("id").asLong();
            assertEquals("[\"+4930111112\"]", api.get("/api/v1/dnc?campaignId=" + copyId, api.adminToken).get("numbers").toString());
            // Memory knows it too: a contact re-added to the copy with the blocked number is still never handed out.
            api.storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'READY' WHERE campaign_id = ?", copyId));
            api.post("/api/v1/campaigns/" + copyId + "/start", api.adminToken, "");
            Set<String> dialled = new HashSet<>();
            dialled.add(api.takeFromHopper(copyId).number);
            dialled.add(api.takeFromHopper(copyId).number);
            ApiHarness.sleep(300);
            assertFalse(api.storage.hopper().next((int) copyId, System.currentTimeMillis(), new ContactSlot()));
            assertEquals(Set.of("+4930111111", "+4930111113"), dialled);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void importsRefuseBadSeparatorsReportStrayQuotesAndDryRunsStoreNothing(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            for (String separator : List.of("%0A", "%22", "%0D")) {
                ApiHarness.Reply refused = api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "&separator=" + separator);
                assertEquals(400, refused.status(), refused.text());
                assertEquals("separator", refused.get("error").get("field").asText());
            }
            ApiHarness.Reply bom = api.importCsv(id, "APPEND", "\uFEFFphone,name\n+4930111111,\"Ann\n+4930111112,Bob\n", "");
            assertEquals(201, bom.status(), bom.text());
            assertEquals(1, bom.get("imported").asLong());
            assertEquals(1, bom.get("rejected").asLong());
            assertEquals(2, bom.get("errors").get(0).get("line").asLong());
            ApiHarness.Reply dry = api.importCsv(id, "REPLACE", "phone,name\n+4930111113,Cy\n", "&dryRun=true");
            assertEquals(200, dry.status(), dry.text());
            assertTrue(dry.get("dryRun").asBoolean());
            assertEquals(1, dry.get("archived").asLong());
            assertEquals(1, api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json().size(), "nothing stored");
            assertEquals(1, api.get("/api/v1/campaigns/" + id + "/imports", api.adminToken).json().size());
        }
    }
}
