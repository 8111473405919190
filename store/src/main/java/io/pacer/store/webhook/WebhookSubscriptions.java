package io.pacer.store.webhook;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Webhook subscriptions: created with a URL, the events wanted and a signing secret (given, or drawn here and
 * shown once), listed without their secrets, deleted with their pending deliveries.
 */
public final class WebhookSubscriptions {

    /** Shortest secret accepted: an HMAC key guessable by brute force would sign forged events. */
    public static final int MIN_SECRET_CHARS = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            SELECT s.id, s.url, s.events, s.created_millis,
              (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.state = 'PENDING') AS pending,
              (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.state = 'FAILED') AS failed
            FROM webhook_subscriptions s""";

    private final Database db;

    /** Subscriptions of a database. */
    public WebhookSubscriptions(Database db) {
        this.db = db;
    }

    /** A new subscription with its secret, the only time the secret is shown. */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    /**
     * Stores a subscription; every event it names must exist, the URL must be absolute http or https.
     *
     * @param secret the signing secret, or {@code null} to draw a random one
     */
    public Created create(String url, List<String> events, String secret, long nowMillis) {
        String checkedUrl = checkUrl(url);
        if (events == null || events.isEmpty()) {
            throw new InvalidFieldException("events", "missing; name at least one of " + String.join(", ", WebhookEventType.wireNames()));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String event : events) {
            names.add(WebhookEventType.of(event).wireName());
        }
        if (secret != null && secret.length() < MIN_SECRET_CHARS) {
            throw new InvalidFieldException("secret", "must be at least " + MIN_SECRET_CHARS + " characters (or left out: one is drawn)");
        }
        String key = secret != null ? secret : HexFormat.of().formatHex(randomBytes());
        long id = db.write(c -> Jdbc.insert(c, "INSERT INTO webhook_subscriptions(url, events, secret, created_millis) VALUES (?, ?, ?, ?) RETURNING id",
                checkedUrl, String.join(",", names), key, nowMillis));
        return new Created(get(id), key);
    }

    /** Every subscription, without secrets. */
    public List<WebhookSubscription> list() {
        return db.read(c -> Jdbc.query(c, SELECT + " ORDER BY s.id", WebhookSubscriptions::subscription));
    }

    /** One subscription, without its secret. */
    public WebhookSubscription get(long id) {
        return db.read(c -> find(c, id));
    }

    /** Deletes a subscription; its deliveries not yet made are dropped with it. */
    public void delete(long id) {
        db.write(c -> {
            find(c, id);
            Jdbc.update(c, "DELETE FROM webhook_deliveries WHERE subscription_id = ?", id);
            return Jdbc.update(c, "DELETE FROM webhook_subscriptions WHERE id = ?", id);
        });
    }

    private static WebhookSubscription find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, SELECT + " WHERE s.id = ?", WebhookSubscriptions::subscription, id)
                .orElseThrow(() -> new NotFoundException("webhookId", id));
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "missing");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new InvalidFieldException("url", "must be an absolute http or https URL, was " + url);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "not a URL: " + e.getReason());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        return new WebhookSubscription(rs.getLong("id"), rs.getString("url"), List.of(rs.getString("events").split(",")),
                rs.getLong("created_millis"), rs.getLong("pending"), rs.getLong("failed"));
    }
}
