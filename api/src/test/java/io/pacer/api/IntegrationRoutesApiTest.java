package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routes a CRM integration was missing: a group's members one at a time, deleting an unused campaign (and
 * refusing to delete a running one or one with history), contacts found by phone or external id, and whether a
 * number is blocked.
 */
class IntegrationRoutesApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void groupMembersAreAddedAndRemovedOneAtATime(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long ann = api.user("ann", "AGENT").get("id").asLong();
            long bob = api.user("bob", "AGENT").get("id").asLong();
            long group = api.post("/api/v1/groups", api.adminToken, "{\"name\":\"team\",\"members\":[" + ann + "]}").get("id").asLong();
            String path = "/api/v1/groups/" + group;
            assertEquals(List.of(ann), members(api.get(path, api.adminToken).json()));

            ApiHarness.Reply added = api.post(path + "/members", api.adminToken, "{\"userId\":" + bob + "}");
            assertEquals(200, added.status(), added.text());
            assertEquals(List.of(ann, bob), members(added.json()));
            assertEquals(List.of(ann, bob), members(api.post(path + "/members", api.adminToken, "{\"userId\":" + bob + "}").json()),
                    "adding a member again changes nothing");
            ApiHarness.Reply nobody = api.post(path + "/members", api.adminToken, "{\"userId\":999}");
            assertEquals(400, nobody.status());
            assertEquals("userId", nobody.get("errors").get(0).get("field").asText());

            assertEquals(204, api.delete(path + "/members/" + ann, api.adminToken).status());
            assertEquals(List.of(bob), members(api.get(path, api.adminToken).json()));
            assertEquals(404, api.delete(path + "/members/" + ann, api.adminToken).status(), "not a member any more");
            assertEquals(404, api.get("/api/v1/groups/999", api.adminToken).status());
            String agent = api.user("cid", "AGENT").get("token").asText();
            assertEquals(403, api.post(path + "/members", agent, "{\"userId\":" + bob + "}").status());
            assertEquals(List.of(bob), members(api.get(path, api.adminToken).json()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anUnusedCampaignIsDeletedButARunningOneOrOneWithCallsIsRefused(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long unused = api.campaign("");
            api.importCsv(unused, "APPEND", "phone,name\n+4930111111,Ada\n", "");
            assertEquals(201, api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930999999\",\"campaignId\":" + unused + "}").status());
            String path = "/api/v1/campaigns/" + unused;
            assertEquals(204, api.delete(path, api.adminToken).status());
            assertEquals(404, api.get(path, api.adminToken).status());
            assertEquals(0, count(api, "SELECT (SELECT COUNT(*) FROM contacts WHERE campaign_id = ?) + (SELECT COUNT(*) FROM do_not_call WHERE campaign_id = ?)",
                    unused, unused), "its list and do-not-call list go with it");
            assertEquals(404, api.delete(path, api.adminToken).status());

            long used = api.campaign("");
            api.importCsv(used, "APPEND", "phone,name\n+4930111111,Ada\n", "");
            String usedPath = "/api/v1/campaigns/" + used;
            api.post(usedPath + "/start", api.adminToken, "");
            ApiHarness.Reply running = api.delete(usedPath, api.adminToken);
            assertEquals(409, running.status());
            assertEquals("lock", running.get("errors").get(0).get("field").asText());
            api.finishCall(used, api.takeFromHopper(used), 1, CallOutcome.NO_ANSWER);
            api.post(usedPath + "/stop", api.adminToken, "");
            ApiHarness.Reply history = api.delete(usedPath, api.adminToken);
            assertEquals(409, history.status());
            assertEquals("history", history.get("errors").get(0).get("field").asText());
            assertTrue(history.get("detail").asText().contains("/done"), "says how to archive it instead: " + history.text());
            assertEquals(200, api.get(usedPath, api.adminToken).status(), "refused: nothing changed");
            assertEquals(1, count(api, "SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", used));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void contactsAreFoundByE164OrNationalNumberAndByExternalId(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long berlin = api.campaign("\"defaultRegion\":\"DE\"");
            long other = api.campaign("");
            api.importCsv(berlin, "APPEND", "phone,name,externalId\n+4930111111,Ada,crm-1\n+4930222222,Bea,crm-2\n", "&field=externalId");
            api.importCsv(other, "APPEND", "phone,name,externalId\n+4930111111,Ada,crm-1\n", "&field=externalId");

            JsonNode everywhere = lookup(api, "phone=%2B4930111111");
            assertEquals(2, everywhere.size(), "an E.164 number is found in every campaign");
            assertEquals(List.of(berlin, other), List.of(everywhere.get(0).get("campaignId").asLong(),
                    everywhere.get(1).get("campaignId").asLong()));
            JsonNode national = lookup(api, "phone=030%20222222&campaignId=" + berlin);
            assertEquals(1, national.size());
            assertEquals("Bea", national.get(0).get("name").asText());
            assertEquals("+4930222222", national.get(0).get("phone").asText());
            JsonNode byId = lookup(api, "externalId=crm-1&campaignId=" + other);
            assertEquals(1, byId.size());
            assertEquals(other, byId.get(0).get("campaignId").asLong());
            assertEquals(2, lookup(api, "externalId=crm-1").size());
            assertEquals(0, lookup(api, "externalId=crm-404").size());

            assertRefused(api, "/api/v1/contacts/lookup?phone=030222222", "phone");
            assertRefused(api, "/api/v1/contacts/lookup", "phone");
            assertRefused(api, "/api/v1/contacts/lookup?phone=%2B4930111111&externalId=crm-1", "externalId");
            assertRefused(api, "/api/v1/contacts/lookup?phone=%2B49301&campaignId=" + berlin, "phone");
            assertEquals(404, api.get("/api/v1/contacts/lookup?externalId=x&campaignId=999", api.adminToken).status());
            String agent = api.user("ann", "AGENT").get("token").asText();
            assertEquals(403, api.get("/api/v1/contacts/lookup?externalId=crm-1", agent).status());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aNumberIsBlockedGloballyOrByTheCampaignsWhoseListsHoldIt(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long berlin = api.campaign("\"defaultRegion\":\"DE\"");
            long other = api.campaign("");
            api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930111111\"}");
            api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930222222\",\"campaignId\":" + berlin + "}");

            JsonNode global = api.get("/api/v1/dnc/%2B4930111111?campaignId=" + other, api.adminToken).json();
            assertTrue(global.get("blocked").asBoolean());
            assertTrue(global.get("global").asBoolean());
            JsonNode mine = api.get("/api/v1/dnc/030%20222222?campaignId=" + berlin, api.adminToken).json();
            assertEquals("+4930222222", mine.get("phone").asText(), "a national number read in the campaign's region");
            assertTrue(mine.get("blocked").asBoolean());
            assertFalse(mine.get("global").asBoolean());
            assertEquals(berlin, mine.get("campaigns").get(0).asLong());
            JsonNode elsewhere = api.get("/api/v1/dnc/%2B4930222222?campaignId=" + other, api.adminToken).json();
            assertFalse(elsewhere.get("blocked").asBoolean(), "another campaign's list does not block this one");
            assertEquals(1, elsewhere.get("campaigns").size());
            JsonNode free = api.get("/api/v1/dnc/%2B4930333333", api.adminToken).json();
            assertFalse(free.get("blocked").asBoolean());
            assertEquals(0, free.get("campaigns").size());
            assertRefused(api, "/api/v1/dnc/030333333", "phone");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aCallbackPushedOntoAContactIsDialledToItsOwnerAtItsTimeAndRefusedWhereItWouldRace(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long ann = api.user("ann", "AGENT").get("id").asLong();
            long campaign = api.campaign("\"defaultRegion\":\"DE\"");
            api.importCsv(campaign, "APPEND", "phone,name\n+4930111111,Ada\n+4930222222,Bea\n+4930333333,Cem\n", "");
            api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930333333\",\"campaignId\":" + campaign + "}");
            api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930999999\"}");
            long ada = contactId(api, campaign, "+4930111111");
            long bea = contactId(api, campaign, "+4930222222");
            long cem = contactId(api, campaign, "+4930333333");
            String contacts = "/api/v1/campaigns/" + campaign + "/contacts/";
            String later = Instant.now().plusSeconds(3600).toString();

            assertPushRefused(api, contacts + ada + "/callbacks", 400, "dueAt", "{\"dueAt\":\"2020-01-01T00:00:00Z\"}");
            assertPushRefused(api, contacts + ada + "/callbacks", 400, "dueAt", "{\"note\":\"no time\"}");
            assertPushRefused(api, contacts + ada + "/callbacks", 400, "alarmAt",
                    "{\"dueAt\":\"" + later + "\",\"alarmAt\":\"" + Instant.now().plusSeconds(7200) + "\"}");
            assertPushRefused(api, contacts + ada + "/callbacks", 400, "ownerUserId", "{\"dueAt\":\"" + later + "\",\"ownerUserId\":999}");
            assertPushRefused(api, contacts + cem + "/callbacks", 409, "state", "{\"dueAt\":\"" + later + "\"}");
            assertPushRefused(api, contacts + bea + "/callbacks", 409, "number",
                    "{\"dueAt\":\"" + later + "\",\"number\":\"030 999999\"}");
            assertEquals(404, api.post(contacts + "999/callbacks", api.adminToken, "{\"dueAt\":\"" + later + "\"}").status());
            assertEquals(0, api.get("/api/v1/callbacks", api.adminToken).json().size(), "every refusal stored nothing");

            String soon = Instant.now().plusMillis(1_000).toString();
            ApiHarness.Reply pushed = api.post(contacts + ada + "/callbacks", api.adminToken,
                    "{\"dueAt\":\"" + soon + "\",\"ownerUserId\":" + ann + ",\"note\":\"asked for Tuesday\"}");
            assertEquals(201, pushed.status(), pushed.text());
            assertEquals("OPEN", pushed.get("state").asText());
            assertTrue(pushed.get("personal").asBoolean());
            assertEquals("CALLBACK", api.get(contacts + ada, api.adminToken).get("state").asText());
            assertPushRefused(api, contacts + ada + "/callbacks", 409, "state", "{\"dueAt\":\"" + later + "\"}");

            api.post("/api/v1/campaigns/" + campaign + "/start", api.adminToken, "");
            io.pacer.engine.port.ContactSlot first = api.takeFromHopper(campaign);
            assertEquals(bea, first.contactId, "the callback waits for its time while the list is dialled");
            io.pacer.engine.port.ContactSlot callback = api.takeFromHopper(campaign);
            assertEquals(ada, callback.contactId);
            assertEquals(ann, callback.ownerAgentId, "dialled to its owner");
            assertTrue(System.currentTimeMillis() >= Instant.parse(soon).toEpochMilli(), "not before its time");
        }
    }

    private static long contactId(ApiHarness api, long campaign, String phone) {
        return lookup(api, "phone=" + phone.replace("+", "%2B") + "&campaignId=" + campaign).get(0).get("id").asLong();
    }

    private static void assertPushRefused(ApiHarness api, String path, int status, String field, String body) {
        ApiHarness.Reply r = api.post(path, api.adminToken, body);
        assertEquals(status, r.status(), r.text());
        assertEquals(field, r.get("errors").get(0).get("field").asText(), r.text());
    }

    private static JsonNode lookup(ApiHarness api, String query) {
        ApiHarness.Reply r = api.get("/api/v1/contacts/lookup?" + query, api.adminToken);
        assertEquals(200, r.status(), r.text());
        return r.get("contacts");
    }

    private static void assertRefused(ApiHarness api, String path, String field) {
        ApiHarness.Reply r = api.get(path, api.adminToken);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, r.get("errors").get(0).get("field").asText(), r.text());
    }

    private static List<Long> members(JsonNode group) {
        List<Long> ids = new ArrayList<>();
        group.get("members").forEach(m -> ids.add(m.asLong()));
        return ids;
    }

    private static long count(ApiHarness api, String sql, Object... params) {
        return api.storage.db().read(c -> Jdbc.number(c, sql, params));
    }
}
