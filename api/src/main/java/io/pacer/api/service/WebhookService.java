package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.webhook.WebhookDeliveryStatus;
import io.pacer.store.webhook.WebhookOutbox;
import io.pacer.store.webhook.WebhookSubscription;
import io.pacer.store.webhook.WebhookSubscriptions;
import java.util.List;

/**
 * Webhook subscriptions as administrators manage them, and the state of their deliveries. The events themselves
 * are written by the changes they report (storage's {@code WebhookEvents}) and sent by the delivery thread
 * ({@code api.webhook.WebhookSender}); this service only lets people say who wants which.
 */
public final class WebhookService {

    private final Storage storage;
    private final WebhookSubscriptions subscriptions;
    private final WebhookOutbox outbox;

    /** Webhook workflows over storage. */
    public WebhookService(Storage storage) {
        this.storage = storage;
        this.subscriptions = new WebhookSubscriptions(storage.db());
        this.outbox = new WebhookOutbox(storage.db());
    }

    /** Subscribes a URL to events; the answer carries the signing secret, the only time it is shown. */
    public WebhookSubscriptions.Created subscribe(String url, List<String> events, String secret) {
        return subscriptions.create(url, events, secret, storage.clock().epochMillis());
    }

    /** Every subscription, without secrets. */
    public List<WebhookSubscription> list() {
        return subscriptions.list();
    }

    /** One subscription, without its secret. */
    public WebhookSubscription get(long webhookId) {
        return subscriptions.get(webhookId);
    }

    /** Ends a subscription; events not yet delivered to it are dropped. */
    public void unsubscribe(long webhookId) {
        subscriptions.delete(webhookId);
    }

    /** The newest deliveries of a subscription. */
    public List<WebhookDeliveryStatus> deliveries(long webhookId, int limit) {
        subscriptions.get(webhookId);
        return outbox.deliveries(webhookId, limit);
    }
}
