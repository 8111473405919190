package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists and numbers through the API on both databases: a contact's numbers imported from several columns, read
 * and replaced; treatments set and refused with the step named; lists with weights and the dialable counts.
 * Every reply is checked against docs/openapi.json by the harness.
 */
class ListsAndNumbersApiTest {

    private static final String MULTI = "&number=mobile:MOBILE&number=work:WORK";

    private static String problemField(ApiHarness.Reply reply) {
        return reply.json().get("errors").get(0).get("field").asText();
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void numbersFromSeveralColumnsAreTheChainAndBusyOnTheFirstHandsOutTheSecond(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"defaultRegion\":\"DE\",\"displayNumbers\":[\"+4930555000\",\"+4989555000\"]");
            ApiHarness.Reply imported = api.postCsv("/api/v1/campaigns/" + id + "/imports?mode=APPEND&name=name" + MULTI,
                    api.adminToken, "name,mobile,work\nAda,0151 12345678,089 12345678\nBob,,030 7654321\n");
            assertEquals(201, imported.status(), imported.text());
            assertEquals(2, imported.json().get("imported").asInt());
            assertEquals(200, api.request("PUT", "/api/v1/campaigns/" + id + "/dialing", api.adminToken, "application/json",
                    "{\"callerIdMode\":\"LOCAL\"}").status());
            JsonNode contacts = api.get("/api/v1/campaigns/" + id + "/contacts?sort=id", api.adminToken).json();
            long ada = contacts.get(0).get("id").asLong();
            String numbers = "/api/v1/campaigns/" + id + "/contacts/" + ada + "/numbers";
            JsonNode read = api.get(numbers, api.adminToken).json();
            assertEquals("+4915112345678", read.get("numbers").get(0).get("number").asText());
            assertEquals("MOBILE", read.get("numbers").get(0).get("type").asText());
            assertEquals("+498912345678", read.get("numbers").get(1).get("number").asText());
            assertEquals("+4989555000", read.get("numbers").get(1).get("callerId").asText(), "Munich number, Munich caller ID");
            assertEquals(2, read.get("displayNumbers").size());

            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            ContactSlot first = api.takeFromHopper(id);
            ContactSlot other = api.takeFromHopper(id);
            ContactSlot adaSlot = first.contactId == ada ? first : other;
            assertEquals("+4915112345678", adaSlot.number);
            api.finishCall(id, copy(adaSlot), -1, CallOutcome.BUSY);
            ContactSlot next = api.takeFromHopper(id);
            assertEquals(ada, next.contactId);
            assertEquals("+498912345678", next.number, "busy on the mobile: the work number at once");
            assertEquals("+4989555000", next.callerId, "local presence");
            JsonNode after = api.get(numbers, api.adminToken).json().get("numbers").get(0);
            assertEquals("BUSY", after.get("lastOutcome").asText());
        }
    }

    private static ContactSlot copy(ContactSlot s) {
        ContactSlot c = new ContactSlot();
        c.contactId = s.contactId;
        c.number = s.number;
        c.callerId = s.callerId;
        return c;
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void numbersAndTreatmentsAreValidatedNamingTheFieldAndNothingChanges(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"defaultRegion\":\"DE\"");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n", "");
            long contact = api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json().get(0).get("id").asLong();
            String numbers = "/api/v1/campaigns/" + id + "/contacts/" + contact + "/numbers";
            ApiHarness.Reply bad = api.request("PUT", numbers, api.adminToken, "application/json",
                    "{\"numbers\":[{\"number\":\"030 2222222\",\"type\":\"HOME\"},{\"number\":\"12\",\"type\":\"WORK\"}]}");
            assertEquals(400, bad.status());
            assertEquals("numbers[1].number", problemField(bad));
            bad = api.request("PUT", numbers, api.adminToken, "application/json",
                    "{\"numbers\":[{\"number\":\"030 2222222\",\"windowStartMinute\":600,\"windowEndMinute\":500}]}");
            assertEquals("numbers[0].windowEndMinute", problemField(bad));
            assertEquals(1, api.get(numbers, api.adminToken).json().get("numbers").size(), "nothing changed");
            ApiHarness.Reply ok = api.request("PUT", numbers, api.adminToken, "application/json",
                    "{\"numbers\":[{\"number\":\"030 2222222\",\"type\":\"WORK\",\"windowStartMinute\":540,\"windowEndMinute\":1020},"
                    + "{\"number\":\"+4915112345678\",\"type\":\"MOBILE\"}]}");
            assertEquals(200, ok.status(), ok.text());
            assertEquals(540, ok.json().get("numbers").get(0).get("windowStartMinute").asInt());
            assertEquals("+49302222222", api.get("/api/v1/campaigns/" + id + "/contacts/" + contact, api.adminToken).json()
                    .get("phone").asText(), "the first number is the contact's phone");
            assertEquals(200, api.patch("/api/v1/campaigns/" + id + "/contacts/" + contact, api.adminToken,
                    "{\"phone\":\"030 3333333\"}").status());
            JsonNode edited = api.get(numbers, api.adminToken).json().get("numbers");
            assertEquals("+49303333333", edited.get(0).get("number").asText(), "a new phone is the chain's first number");
            assertEquals("+4915112345678", edited.get(1).get("number").asText());

            String dialing = "/api/v1/campaigns/" + id + "/dialing";
            bad = api.request("PUT", dialing, api.adminToken, "application/json",
                    "{\"treatments\":{\"BUSY\":[{\"action\":\"REDIAL\",\"delaySeconds\":300},{\"action\":\"REDIAL\",\"delaySeconds\":-1}]}}");
            assertEquals(400, bad.status());
            assertEquals("treatments.BUSY[1].delaySeconds", problemField(bad));
            bad = api.request("PUT", dialing, api.adminToken, "application/json", "{\"treatments\":{\"BUZY\":[]}}");
            assertEquals(400, bad.status());
            assertEquals(ApiHarness.JSON.readTree("{\"callerIdMode\":\"FIRST\",\"treatments\":{}}"),
                    api.get(dialing, api.adminToken).json(), "nothing stored by the refused requests");
            ok = api.request("PUT", dialing, api.adminToken, "application/json", "{\"callerIdMode\":\"ROTATE\",\"treatments\":{"
                    + "\"BUSY\":[{\"action\":\"REDIAL\",\"delaySeconds\":300},{\"action\":\"REDIAL\",\"delaySeconds\":3600},{\"action\":\"NEXT_NUMBER\"}],"
                    + "\"NO_ANSWER\":[{\"action\":\"REDIAL\",\"delaySeconds\":7200},{\"action\":\"NEXT_DAY\",\"atMinute\":540}]}}");
            assertEquals(200, ok.status(), ok.text());
            assertEquals(3, ok.json().get("treatments").get("BUSY").size());
            assertEquals(540, api.get(dialing, api.adminToken).json().get("treatments").get("NO_ANSWER").get(1).get("atMinute").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void listsWithWeightsAndActivationAndTheirDialableCounts(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"defaultRegion\":\"DE\"");
            String lists = "/api/v1/campaigns/" + id + "/lists";
            ApiHarness.Reply created = api.post(lists, api.adminToken, "{\"name\":\"Warm\",\"weight\":3}");
            assertEquals(201, created.status(), created.text());
            long warm = created.json().get("id").asLong();
            assertEquals(400, api.post(lists, api.adminToken, "{\"name\":\"Cold\",\"weight\":0}").status());
            assertEquals(409, api.post(lists, api.adminToken, "{\"name\":\"Warm\"}").status());
            long cold = api.post(lists, api.adminToken, "{\"name\":\"Cold\",\"active\":false,\"maxAttempts\":2}").json().get("id").asLong();
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930111112,B\n", "&list=" + warm);
            api.importCsv(id, "APPEND", "phone,name\n+4930111113,C\n", "&list=" + cold);
            api.importCsv(id, "APPEND", "phone,name\n+4930111114,D\n", "");
            api.post("/api/v1/dnc", api.adminToken, "{\"campaignId\":" + id + ",\"phone\":\"+4930111112\"}");
            JsonNode counts = api.get("/api/v1/campaigns/" + id + "/dialable", api.adminToken).json().get("lists");
            assertEquals(3, counts.size());
            for (JsonNode k : counts) {
                long list = k.get("listId").asLong();
                if (list == warm) {
                    assertEquals(1, k.get("dialable").asInt());
                    assertEquals(1, k.get("doNotCall").asInt());
                } else {
                    assertEquals(1, k.get("dialable").asInt(), "list " + list);
                }
            }
            assertEquals(200, api.request("PUT", lists + "/" + cold, api.adminToken, "application/json",
                    "{\"name\":\"Cold\",\"weight\":2,\"active\":true}").status());
            JsonNode all = api.get(lists, api.adminToken).json().get("lists");
            assertTrue(all.get(1).get("active").asBoolean());
            assertEquals(2, all.get(1).get("weight").asInt());
            assertEquals(1, api.post(lists + "/0/contacts", api.adminToken, "{\"contactIds\":["
                    + api.get("/api/v1/campaigns/" + id + "/contacts?sort=id", api.adminToken).json().get(0).get("id").asLong() + "]}")
                    .json().get("moved").asInt());
            assertEquals(204, api.delete(lists + "/" + cold, api.adminToken).status());
            assertEquals(1, api.get(lists, api.adminToken).json().get("lists").size());
        }
    }
}
