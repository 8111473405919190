package io.pacer.store.webhook;

/**
 * One event on its way to one subscriber, as the sender needs it: where, with which secret, what.
 *
 * @param eventId           the event's id (the subscriber's key for de-duplication)
 * @param subscriptionId    the subscription
 * @param type              wire name of the event
 * @param occurredMillis    when the change happened (epoch ms)
 * @param data              the event's data as JSON text
 * @param url               where to POST it
 * @param secret            the subscription's signing secret
 * @param attempts          attempts made before this one
 * @param claimedUntilMillis the claim this sender holds: the delivery is due again at this time if the sender dies
 */
public record WebhookDelivery(long eventId, long subscriptionId, String type, long occurredMillis, String data, String url,
        String secret, int attempts, long claimedUntilMillis) {
}
