package io.pacer.api;

import io.pacer.api.service.WebhookService;
import io.pacer.store.user.Role;
import io.pacer.store.webhook.WebhookDeliveryStatus;
import io.pacer.store.webhook.WebhookSubscription;
import io.pacer.store.webhook.WebhookSubscriptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook subscriptions (administrators only: a subscriber receives every campaign's calls) and their deliveries. */
final class WebhookRoutes {

    private WebhookRoutes() {
    }

    static List<Route> routes(WebhookService webhooks) {
        String base = "/api/v1/webhooks";
        return List.of(
            new Route("POST", base, Role.ADMIN, r -> {
                JsonBody b = r.json().only("url", "events", "secret");
                WebhookSubscriptions.Created created = webhooks.subscribe(b.text("url"), b.texts("events"), b.text("secret", null));
                Map<String, Object> body = subscription(created.subscription());
                body.put("secret", created.secret());
                return ApiResponse.created(body);
            }),
            new Route("GET", base, Role.ADMIN, r -> ApiResponse.ok(webhooks.list().stream().map(WebhookRoutes::subscription).toList())),
            new Route("GET", base + "/{webhookId}", Role.ADMIN, r -> ApiResponse.ok(subscription(webhooks.get(r.id("webhookId"))))),
            new Route("DELETE", base + "/{webhookId}", Role.ADMIN, r -> {
                webhooks.unsubscribe(r.id("webhookId"));
                return ApiResponse.noContent();
            }),
            new Route("GET", base + "/{webhookId}/deliveries", Role.ADMIN, r -> ApiResponse.ok(Map.of("deliveries",
                    webhooks.deliveries(r.id("webhookId"), r.intParam("limit", 100, 1, 1000)).stream()
                            .map(WebhookRoutes::delivery).toList())))
        );
    }

    private static Map<String, Object> subscription(WebhookSubscription s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("url", s.url());
        body.put("events", s.events());
        body.put("createdAt", Instant.ofEpochMilli(s.createdMillis()).toString());
        body.put("pendingDeliveries", s.pendingDeliveries());
        body.put("failedDeliveries", s.failedDeliveries());
        return body;
    }

    private static Map<String, Object> delivery(WebhookDeliveryStatus d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", d.eventId());
        body.put("type", d.type());
        body.put("occurredAt", Instant.ofEpochMilli(d.occurredMillis()).toString());
        body.put("state", d.state());
        body.put("attempts", d.attempts());
        body.put("nextAttemptAt", "PENDING".equals(d.state()) ? Instant.ofEpochMilli(d.nextAttemptMillis()).toString() : null);
        body.put("lastStatus", d.lastStatus());
        body.put("lastError", d.lastError());
        body.put("deliveredAt", d.deliveredMillis() == null ? null : Instant.ofEpochMilli(d.deliveredMillis()).toString());
        return body;
    }
}
