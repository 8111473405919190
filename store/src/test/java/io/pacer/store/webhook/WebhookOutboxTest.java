package io.pacer.store.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox's promises: an event exists exactly when its change committed; one sender per delivery; back-off. */
class WebhookOutboxTest {

    private static final long NOW = 1_900_000_000_000L;

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#bothUrls")
    void anEventCommitsWithItsChangeAndEachDeliveryIsClaimedByOneSenderOnly(String[] url) throws Exception {
        try (Database one = Database.open(url[0], url[1], null); Database two = Database.open(url[0], url[1], null)) {
            new WebhookSubscriptions(one).create("http://127.0.0.1:9/hook", List.of("call.finished"), null, NOW);
            assertThrows(IllegalStateException.class, () -> one.write(c -> {
                WebhookOutbox.add(c, WebhookEventType.CALL_FINISHED, 1, Map.of("callId", "1"), NOW);
                throw new IllegalStateException("the change fails after its event was written");
            }));
            assertEquals(0, events(one), "rolled back with its change");
            one.write(c -> {
                WebhookOutbox.add(c, WebhookEventType.CALL_FINISHED, 1, Map.of("callId", "2"), NOW);
                WebhookOutbox.add(c, WebhookEventType.CALLBACK_DUE, 1, Map.of("callbackId", 3), NOW);
                return null;
            });
            assertEquals(1, events(one),
                    "only events someone subscribed to are written");

            WebhookOutbox first = new WebhookOutbox(one);
            WebhookOutbox second = new WebhookOutbox(two);
            // SQLite has one engine and one writer (its Database serialises claims); PostgreSQL may have several engines.
            List<WebhookDelivery> claimed = url[0].startsWith("jdbc:postgresql:") ? claimTogether(first, second)
                    : concat(first.claimDue(NOW, 10_000, 10), second.claimDue(NOW, 10_000, 10));
            assertEquals(1, claimed.size(), "two senders on one database: one of them takes the delivery");
            WebhookDelivery delivery = claimed.get(0);
            assertEquals("{\"callId\":\"2\"}", delivery.data());
            assertEquals(0, first.claimDue(NOW + 1_000, 10_000, 10).size(), "claimed: nobody else until the claim lapses");
            assertEquals(1, second.claimDue(NOW + 10_001, 10_000, 10).size(), "a sender that died: due again after the lease");

            WebhookDelivery again = first.claimDue(NOW + 30_000, 10_000, 10).get(0);
            first.failed(again, 503, "the receiver answered 503", NOW + 60_000);
            assertEquals(0, first.claimDue(NOW + 59_999, 10_000, 10).size(), "backing off");
            WebhookDelivery retry = first.claimDue(NOW + 60_000, 10_000, 10).get(0);
            assertEquals(again.eventId(), retry.eventId(), "the same event, the same id");
            first.delivered(retry, 200, NOW + 60_001);
            assertEquals(0, first.claimDue(NOW + 999_999, 10_000, 10).size(), "delivered: never sent again");
            WebhookDeliveryStatus status = first.deliveries(retry.subscriptionId(), 10).get(0);
            assertEquals("DELIVERED", status.state());
            assertEquals(2, status.attempts(), "the failure and the delivery; a claim that lapsed is no attempt: " + status);
            assertEquals(Integer.valueOf(200), status.lastStatus());
            assertEquals(0, first.purge(NOW), "kept for a while");
            assertEquals(1, first.purge(NOW + 1), "then forgotten once nobody waits for it");
        }
    }

    private static long events(Database db) {
        return db.read(c -> Jdbc.number(c, "SELECT COUNT(*) FROM webhook_events"));
    }

    private static List<WebhookDelivery> concat(List<WebhookDelivery> a, List<WebhookDelivery> b) {
        List<WebhookDelivery> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<WebhookDelivery> claimTogether(WebhookOutbox first, WebhookOutbox second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<WebhookDelivery>>> futures = new ArrayList<>();
            for (WebhookOutbox outbox : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return outbox.claimDue(NOW, 10_000, 10);
                }));
            }
            start.countDown();
            List<WebhookDelivery> all = new ArrayList<>();
            for (Future<List<WebhookDelivery>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
