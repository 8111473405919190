package io.pacer.store.webhook;

import java.util.List;

/**
 * A subscriber's standing order: POST these events to this URL, signed with its secret (which is never read
 * back through the API).
 *
 * @param id                 id
 * @param url                where events are POSTed (http or https)
 * @param events             wire names of the events it wants
 * @param createdMillis      when it was created (epoch ms)
 * @param pendingDeliveries  events not yet accepted by the subscriber
 * @param failedDeliveries   events given up on after every retry
 */
public record WebhookSubscription(long id, String url, List<String> events, long createdMillis, long pendingDeliveries,
        long failedDeliveries) {
}
