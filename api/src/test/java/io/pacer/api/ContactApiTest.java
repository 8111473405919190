package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContactApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void importNormalisesMergesDuplicatesAndReportsEveryBadRowWithItsLine(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"defaultRegion\":\"DE\"");
            String csv = """
                    phone,name,city
                    +49 30 1234567,Anna,Berlin
                    030 1234567,Anna B.,Potsdam
                    not a number,Bob,Bonn
                    +1 202 456 1111,Carl
                    +1 202 456 1111,Carl,Washington
                    ,Dora,Dresden
                    """;
            ApiHarness.Reply r = api.importCsv(id, "APPEND", csv, "&field=city");
            assertEquals(201, r.status(), r.text());
            assertEquals(6, r.get("rowsRead").asLong());
            assertEquals(2, r.get("imported").asLong());
            assertEquals(1, r.get("merged").asLong());
            assertEquals(3, r.get("rejected").asLong());
            List<Long> lines = new ArrayList<>();
            r.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
            assertEquals(List.of(4L, 5L, 7L), lines);
            assertTrue(r.get("errors").get(0).get("reason").asText().contains("phone"));

            JsonNode contacts = api.get("/api/v1/campaigns/" + id + "/contacts?sort=name", api.adminToken).json();
            assertEquals(2, contacts.size());
            assertEquals("Anna B.", contacts.get(0).get("name").asText());
            assertEquals("+49301234567", contacts.get(0).get("phone").asText());
            assertEquals("Potsdam", contacts.get(0).get("fields").get("city").asText());
            assertEquals("Europe/Berlin", contacts.get(0).get("timeZone").asText());
            assertEquals("America/New_York", contacts.get(1).get("timeZone").asText());

            ApiHarness.Reply append = api.importCsv(id, "APPEND", "phone,name,city\n+4930999999,Eve,Essen\n+49301234567,Anna,Berlin\n", "&field=city");
            assertEquals(1, append.get("imported").asLong());
            assertEquals(1, append.get("merged").asLong());
            assertEquals(3, api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json().size());

            ApiHarness.Reply replace = api.importCsv(id, "REPLACE", "phone,name\n+4940111111,Finn\n", "");
            assertEquals(1, replace.get("imported").asLong());
            assertEquals(3, replace.get("archived").asLong(), "numbers the file no longer holds are archived");
            JsonNode after = api.get("/api/v1/campaigns/" + id + "/contacts?state=READY", api.adminToken).json();
            assertEquals(1, after.size());
            assertEquals("Finn", after.get(0).get("name").asText());
            assertEquals(3, api.get("/api/v1/campaigns/" + id + "/contacts?state=ARCHIVED", api.adminToken).json().size());

            JsonNode history = api.get("/api/v1/campaigns/" + id + "/imports", api.adminToken).json();
            assertEquals(3, history.size());
            assertEquals("REPLACE", history.get(0).get("mode").asText());
            assertEquals("admin", history.get(0).get("userName").asText());
            long firstImport = history.get(2).get("id").asLong();
            assertEquals(3, api.get("/api/v1/imports/" + firstImport + "/errors", api.adminToken).get("errors").size());

            ApiHarness.Reply badMapping = api.importCsv(id, "APPEND", "tel,name\n+4940111112,X\n", "");
            assertEquals(400, badMapping.status());
            assertEquals("phone", badMapping.get("error").get("field").asText());
            ApiHarness.Reply noDir = api.importCsv(id, "APPEND", "", "&file=list.csv");
            assertEquals("file", noDir.get("error").get("field").asText());
            ApiHarness.Reply badMode = api.importCsv(id, "MERGE", "phone,name\n+4940111112,X\n", "");
            assertEquals("mode", badMode.get("error").get("field").asText());
            assertEquals(3, api.get("/api/v1/campaigns/" + id + "/imports", api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void contactsAreAddedEditedDeletedFilteredAndSorted(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"defaultRegion\":\"DE\"");
            String base = "/api/v1/campaigns/" + id + "/contacts";
            ApiHarness.Reply added = api.post(base, api.adminToken, "{\"phone\":\"030 1111111\",\"name\":\"A\",\"fields\":{\"tier\":\"gold\"}}");
            assertEquals(201, added.status(), added.text());
            assertEquals("+49301111111", added.get("phone").asText());
            long a = added.get("id").asLong();
            long b = api.post(base, api.adminToken, "{\"phone\":\"+49302222222\",\"name\":\"B\",\"fields\":{\"tier\":\"silver\"}}").get("id").asLong();
            api.post(base, api.adminToken, "{\"phone\":\"+49303333333\",\"name\":\"C\",\"fields\":{\"tier\":\"gold\"}}");

            ApiHarness.Reply dup = api.post(base, api.adminToken, "{\"phone\":\"+49301111111\"}");
            assertEquals(409, dup.status());
            assertEquals("phone", dup.get("error").get("field").asText());
            ApiHarness.Reply bad = api.post(base, api.adminToken, "{\"phone\":\"12\"}");
            assertEquals(400, bad.status());
            assertEquals("phone", bad.get("error").get("field").asText());

            ApiHarness.Reply edited = api.patch(base + "/" + b, api.adminToken, "{\"name\":\"Bea\",\"fields\":{\"tier\":\"gold\"},\"nextDueMillis\":5}");
            assertEquals(200, edited.status(), edited.text());
            assertEquals("Bea", edited.get("name").asText());
            assertEquals(5, edited.get("nextDueMillis").asLong());

            JsonNode gold = api.get(base + "?fieldName=tier&fieldValue=gold&sort=nextDue", api.adminToken).json();
            assertEquals(3, gold.size());
            assertEquals(b, gold.get(0).get("id").asLong());
            JsonNode byName = api.get(base + "?sort=field.tier&order=desc&state=READY&limit=2", api.adminToken).json();
            assertEquals(2, byName.size());
            assertEquals(0, api.get(base + "?minAttempts=1", api.adminToken).json().size());
            assertEquals(1, api.get(base + "?dueBefore=10", api.adminToken).json().size());

            assertEquals("sort", api.get(base + "?sort=color", api.adminToken).get("error").get("field").asText());
            assertEquals("state", api.get(base + "?state=HAPPY", api.adminToken).get("error").get("field").asText());
            assertEquals("limit", api.get(base + "?limit=0", api.adminToken).get("error").get("field").asText());

            assertEquals(204, api.delete(base + "/" + a, api.adminToken).status());
            assertEquals(404, api.get(base + "/" + a, api.adminToken).status());
            assertEquals(2, api.get(base, api.adminToken).json().size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aBlockedNumberIsNeverDialledWhateverTheListSays(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            assertEquals(201, api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"+4930111111\"}").status());
            ApiHarness.Reply r = api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n+4930333333,C\n", "");
            assertEquals(1, r.get("blocked").asLong());
            assertEquals(2, r.get("imported").asLong());
            ApiHarness.Reply refused = api.post("/api/v1/campaigns/" + id + "/contacts", api.adminToken, "{\"phone\":\"+4930111111\"}");
            assertEquals(409, refused.status());

            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            ContactSlot first = api.takeFromHopper(id);
            // Both remaining contacts are loaded now; block the second one after it was loaded.
            long deadline = System.currentTimeMillis() + 5000;
            while (api.storage.hopper().size((int) id) < 1 && System.currentTimeMillis() < deadline) {
                ApiHarness.sleep(10);
            }
            String other = first.number.equals("+4930222222") ? "+4930333333" : "+4930222222";
            assertEquals(201, api.post("/api/v1/dnc", api.adminToken, "{\"phone\":\"" + other + "\",\"campaignId\":" + id + "}").status());
            ContactSlot slot = new ContactSlot();
            for (int i = 0; i < 10; i++) {
                assertFalse(api.storage.hopper().next((int) id, System.currentTimeMillis(), slot), "handed out " + slot.number);
                ApiHarness.sleep(50);
            }
            deadline = System.currentTimeMillis() + 5000;
            JsonNode closed;
            do {
                closed = api.get("/api/v1/campaigns/" + id + "/contacts?state=CLOSED", api.adminToken).json();
                ApiHarness.sleep(20);
            } while (closed.size() < 1 && System.currentTimeMillis() < deadline);
            assertEquals(other, closed.get(0).get("phone").asText());
            assertEquals("DO_NOT_CALL", closed.get(0).get("closedReason").asText());
            JsonNode list = api.get("/api/v1/dnc?campaignId=" + id, api.adminToken).json();
            assertEquals(other, list.get("numbers").get(0).asText());
        }
    }
}
