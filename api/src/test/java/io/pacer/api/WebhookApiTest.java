package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.api.webhook.WebhookSender;
import io.pacer.api.webhook.WebhookSignature;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outbound webhooks end to end: subscriptions through the API, events written with the changes they report,
 * signed POSTs to a real HTTP receiver on loopback that refuses the first attempts, retries with back-off, and
 * delivery of what was waiting after a restart.
 */
class WebhookApiTest {

    private static final String SECRET = "a-receivers-secret-0123456789";
    /** Fast back-off so that the retries of a test take milliseconds: 50 ms doubling to 400 ms. */
    private static final WebhookSender.Settings FAST = new WebhookSender.Settings(50, 400, 10, 2_000);

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void callsOutcomesAndCallbacksReachTheReceiverSignedAfterItsFailuresAreRetried(Supplier<Database> db) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2); ApiHarness api = new ApiHarness(db);
                WebhookSender sender = WebhookSender.start(api.storage, FAST)) {
            long hook = subscribe(api, receiver.url());
            long campaign = api.campaign("");
            api.importCsv(campaign, "APPEND", "phone,name,externalId\n+4930111111,Ada,crm-17\n", "&field=externalId");
            api.post("/api/v1/campaigns/" + campaign + "/start", api.adminToken, "");
            ContactSlot slot = api.takeFromHopper(campaign);
            long call = api.finishCall(campaign, slot, 1, CallOutcome.CONNECTED);
            String dueAt = Instant.now().plusMillis(2_500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            ApiHarness.Reply outcome = api.post("/api/v1/calls/" + call + "/outcome", api.adminToken,
                    "{\"outcome\":\"CALL_AGAIN\",\"note\":\"call me later\",\"callback\":{\"dueAt\":\"" + dueAt + "\"}}");
            assertEquals(200, outcome.status(), outcome.text());

            receiver.awaitAccepted(10_000, "call.finished", "outcome.recorded", "callback.created", "callback.due");
            long callbackId = api.get("/api/v1/callbacks", api.adminToken).json().get(0).get("id").asLong();
            assertEquals(200, api.post("/api/v1/callbacks/" + callbackId + "/done", api.adminToken, "").status());
            receiver.awaitAccepted(10_000, "callback.done");

            for (WebhookReceiver.Received r : receiver.received()) {
                assertEquals(WebhookSignature.sign(SECRET, Long.parseLong(r.timestamp()), r.body()), r.signature(),
                        "every POST, refused or not, is signed over its timestamp and body: " + r);
                JsonNode body = ApiHarness.JSON.readTree(r.body());
                assertEquals(r.eventId(), body.get("id").asText(), "the header and the body carry the same event id");
                assertEquals(r.type(), body.get("type").asText());
            }
            List<WebhookReceiver.Received> refused = receiver.received().stream().filter(r -> r.answered() == 503).toList();
            assertEquals(2, refused.size(), "the receiver refused its first two POSTs");
            for (WebhookReceiver.Received r : refused) {
                assertTrue(receiver.received().stream().anyMatch(x -> x.eventId().equals(r.eventId()) && x.answered() == 204),
                        "a refused event is retried, under the same id, until the receiver takes it: " + r);
            }

            JsonNode finished = ApiHarness.JSON.readTree(receiver.accepted("call.finished").get(0).body()).get("data");
            assertEquals(Long.toString(call), finished.get("callId").asText(), "call ids are strings, exact in JavaScript");
            assertEquals("CONNECTED", finished.get("callOutcome").asText());
            assertEquals("+4930111111", finished.get("calledNumber").asText());
            assertEquals("crm-17", finished.get("contact").get("fields").get("externalId").asText(),
                    "the CRM's own id travels with every event");
            JsonNode recorded = ApiHarness.JSON.readTree(receiver.accepted("outcome.recorded").get(0).body()).get("data");
            assertEquals("CALL_AGAIN", recorded.get("outcome").asText());
            assertEquals("call me later", recorded.get("note").asText());
            JsonNode created = ApiHarness.JSON.readTree(receiver.accepted("callback.created").get(0).body()).get("data");
            assertEquals(callbackId, created.get("callbackId").asLong());
            assertEquals(Instant.parse(dueAt), Instant.parse(created.get("dueAt").asText()));
            assertEquals("OPEN", created.get("state").asText());
            assertEquals("DONE", ApiHarness.JSON.readTree(receiver.accepted("callback.done").get(0).body())
                    .get("data").get("state").asText());
            assertEquals(1, receiver.accepted("callback.due").size(), "a callback falls due once");

            JsonNode deliveries = api.get("/api/v1/webhooks/" + hook + "/deliveries", api.adminToken).get("deliveries");
            assertEquals(5, deliveries.size(), deliveries.toString());
            deliveries.forEach(d -> assertEquals("DELIVERED", d.get("state").asText(), d.toString()));
            int attempts = 0;
            for (JsonNode d : deliveries) {
                attempts += d.get("attempts").asInt();
            }
            assertEquals(5 + 2, attempts, "one attempt per event, plus one per refusal: " + deliveries);
            assertEquals(0, api.get("/api/v1/webhooks/" + hook, api.adminToken).get("pendingDeliveries").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#bothUrls")
    void eventsWaitingInTheOutboxAreDeliveredAfterARestart(String[] database) throws Exception {
        Supplier<Database> same = () -> Database.open(database[0], database[1], null);
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            long eventId;
            try (ApiHarness api = new ApiHarness(same); WebhookSender sender = WebhookSender.start(api.storage, FAST)) {
                subscribe(api, receiver.url());
                long campaign = api.campaign("");
                api.importCsv(campaign, "APPEND", "phone,name\n+4930111111,Ada\n", "");
                api.post("/api/v1/campaigns/" + campaign + "/start", api.adminToken, "");
                api.finishCall(campaign, api.takeFromHopper(campaign), 1, CallOutcome.NO_ANSWER);
                api.post("/api/v1/campaigns/" + campaign + "/stop", api.adminToken, "");
                long deadline = System.currentTimeMillis() + 10_000;
                while (receiver.received().size() < 2 && System.currentTimeMillis() < deadline) {
                    ApiHarness.sleep(20);
                }
                assertTrue(receiver.received().size() >= 2, "the receiver was tried and refused: " + receiver.received());
                eventId = api.storage.db().read(c -> Jdbc.number(c, "SELECT id FROM webhook_events"));
            }
            receiver.refuseNext(0);
            int refusedBefore = receiver.received().size();
            try (ApiHarness api = new ApiHarness(same); WebhookSender sender = WebhookSender.start(api.storage, FAST)) {
                receiver.awaitAccepted(10_000, "call.finished");
                assertEquals(List.of(Long.toString(eventId)), receiver.accepted("call.finished").stream()
                        .map(WebhookReceiver.Received::eventId).toList(), "the same event, once accepted, after the restart");
                assertTrue(receiver.received().size() > refusedBefore);
                // The sender records the delivery after the receiver's 2xx has reached it: wait for that write.
                long recorded = System.currentTimeMillis() + 5_000;
                while (count(api, "SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'DELIVERED'") == 0
                        && System.currentTimeMillis() < recorded) {
                    ApiHarness.sleep(20);
                }
                assertEquals(1, count(api, "SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'DELIVERED'"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void subscriptionsAreCheckedTheirSecretShownOnceAndNothingIsQueuedForNobody(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long campaign = api.campaign("");
            api.importCsv(campaign, "APPEND", "phone,name\n+4930111111,Ada\n+4930222222,Bea\n", "");
            api.post("/api/v1/campaigns/" + campaign + "/start", api.adminToken, "");
            api.finishCall(campaign, api.takeFromHopper(campaign), 1, CallOutcome.BUSY);
            assertEquals(0, count(api, "SELECT COUNT(*) FROM webhook_events"),
                    "without a subscriber the journal writes no event");

            assertRefused(api, "{\"url\":\"ftp://crm.example/hook\",\"events\":[\"call.finished\"]}", "url");
            assertRefused(api, "{\"url\":\"/relative\",\"events\":[\"call.finished\"]}", "url");
            assertRefused(api, "{\"url\":\"https://crm.example/hook\",\"events\":[\"call.ended\"]}", "events");
            assertRefused(api, "{\"url\":\"https://crm.example/hook\",\"events\":[]}", "events");
            assertRefused(api, "{\"url\":\"https://crm.example/hook\",\"events\":[\"call.finished\"],\"secret\":\"short\"}", "secret");
            assertRefused(api, "{\"url\":\"https://crm.example/hook\",\"events\":[\"call.finished\"],\"colour\":\"red\"}", "colour");
            assertEquals(0, api.get("/api/v1/webhooks", api.adminToken).json().size(), "a refused subscription stores nothing");

            ApiHarness.Reply created = api.post("/api/v1/webhooks", api.adminToken,
                    "{\"url\":\"https://crm.example/hook\",\"events\":[\"call.finished\",\"callback.due\"]}");
            assertEquals(201, created.status(), created.text());
            assertTrue(created.get("secret").asText().matches("[0-9a-f]{64}"), "a drawn secret: " + created.text());
            String hook = "/api/v1/webhooks/" + created.get("id").asLong();
            assertNull(api.get(hook, api.adminToken).get("secret"), "the secret is never read back");
            api.get("/api/v1/webhooks", api.adminToken).json().forEach(w -> assertFalse(w.has("secret")));
            String agent = api.user("ann", "AGENT").get("token").asText();
            assertEquals(403, api.get("/api/v1/webhooks", agent).status());

            api.finishCall(campaign, api.takeFromHopper(campaign), 1, CallOutcome.BUSY);
            assertEquals(1, count(api, "SELECT COUNT(*) FROM webhook_deliveries"),
                    "a subscriber's event is in the outbox with the call");
            assertEquals(1, api.get(hook, api.adminToken).get("pendingDeliveries").asInt());
            assertEquals(204, api.delete(hook, api.adminToken).status());
            assertEquals(404, api.get(hook, api.adminToken).status());
            assertEquals(0, count(api, "SELECT COUNT(*) FROM webhook_deliveries"),
                    "its pending deliveries go with it");
        }
    }

    private static void assertRefused(ApiHarness api, String body, String field) {
        ApiHarness.Reply r = api.post("/api/v1/webhooks", api.adminToken, body);
        assertEquals(400, r.status(), r.text());
        assertEquals(field, r.get("errors").get(0).get("field").asText(), r.text());
    }

    private static long subscribe(ApiHarness api, String url) {
        ApiHarness.Reply r = api.post("/api/v1/webhooks", api.adminToken, "{\"url\":\"" + url + "\",\"events\":[\"call.finished\","
                + "\"outcome.recorded\",\"callback.created\",\"callback.due\",\"callback.done\"],\"secret\":\"" + SECRET + "\"}");
        assertEquals(201, r.status(), r.text());
        assertEquals(SECRET, r.get("secret").asText());
        return r.get("id").asLong();
    }

    private static long count(ApiHarness api, String sql, Object... params) {
        return api.storage.db().read(c -> Jdbc.number(c, sql, params));
    }
}
