package io.pacer.api.webhook;

import io.pacer.engine.port.Clock;
import io.pacer.store.Storage;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.webhook.WebhookDelivery;
import io.pacer.store.webhook.WebhookEvents;
import io.pacer.store.webhook.WebhookOutbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The delivery thread of webhooks: an agent whose {@link #doWork} announces callbacks that fell due and POSTs
 * each due delivery of the outbox, signed ({@link WebhookSignature}), and returns the work it did; its thread
 * parks briefly when there was none. A 2xx marks a delivery done; anything else (a status, a refused connection,
 * a timeout) makes it due again after an exponential back-off, until the attempts run out. Everything it knows
 * is in the database, so a restart, or another engine on the same PostgreSQL, carries on where it stopped.
 */
public final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    private static final int BATCH = 16;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How long events that nobody waits for any more are kept, for {@code GET /webhooks/{id}/deliveries}. */
    private static final long KEEP_MILLIS = TimeUnit.DAYS.toMillis(7);
    private static final long PURGE_EVERY_MILLIS = TimeUnit.HOURS.toMillis(1);

    /**
     * How hard to try.
     *
     * @param initialBackoffMillis wait after the first failed attempt; doubled after each further one
     * @param maxBackoffMillis     longest wait between attempts
     * @param maxAttempts          attempts before a delivery is given up ({@code FAILED})
     * @param requestTimeoutMillis how long one POST may take, connection included
     */
    public record Settings(long initialBackoffMillis, long maxBackoffMillis, int maxAttempts, long requestTimeoutMillis) {

        /** Production: 10 s doubling to an hour, 20 attempts (about 14 hours of retrying), 10 s per POST. */
        public static Settings defaults() {
            return new Settings(10_000, 3_600_000, 20, 10_000);
        }
    }

    private final Database db;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final Settings settings;
    private final HttpClient http;
    private final Thread thread;
    private volatile boolean running = true;
    /** Owned by the delivery thread. */
    private long nextPurgeMillis;

    private WebhookSender(Storage storage, Settings settings) {
        this.db = storage.db();
        this.outbox = new WebhookOutbox(db);
        this.clock = storage.clock();
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.requestTimeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade dance for receivers behind simple servers and proxies.
                .version(HttpClient.Version.HTTP_1_1).build();
        this.thread = new Thread(this::run, "pacer-webhooks");
        thread.setDaemon(true);
    }

    /** Starts the delivery thread over storage's outbox. */
    public static WebhookSender start(Storage storage, Settings settings) {
        WebhookSender sender = new WebhookSender(storage, settings);
        sender.thread.start();
        return sender;
    }

    /** One duty cycle: due callbacks announced, then up to a batch of due deliveries sent; the work done. */
    int doWork() {
        long nowMillis = clock.epochMillis();
        if (nowMillis >= nextPurgeMillis) {
            outbox.purge(nowMillis - KEEP_MILLIS);
            nextPurgeMillis = nowMillis + PURGE_EVERY_MILLIS;
        }
        int work = announceDueCallbacks(nowMillis);
        // The claim outlasts the batch even if every POST times out, so no other sender takes them meanwhile.
        long leaseMillis = settings.requestTimeoutMillis() * (BATCH + 1);
        for (WebhookDelivery delivery : outbox.claimDue(nowMillis, leaseMillis, BATCH)) {
            if (running) {
                send(delivery);
                work++;
            } else {
                // Closing: hand back what was claimed but not sent, due at once after a restart.
                outbox.release(delivery, nowMillis);
            }
        }
        return work;
    }

    private int announceDueCallbacks(long nowMillis) {
        // Read first: the write (and on SQLite the one writer's turn) only when something is due.
        long due = db.read(c -> Jdbc.number(c,
                "SELECT COUNT(*) FROM callbacks WHERE due_announced = 0 AND state = 'OPEN' AND due_millis <= ?", nowMillis));
        return due == 0 ? 0 : db.write(c -> WebhookEvents.announceDueCallbacks(c, nowMillis, BATCH));
    }

    private void send(WebhookDelivery delivery) {
        String body = "{\"id\":" + delivery.eventId() + ",\"type\":\"" + delivery.type() + "\",\"occurredAt\":\""
                + Instant.ofEpochMilli(delivery.occurredMillis()) + "\",\"data\":" + delivery.data() + "}";
        long timestampSeconds = clock.epochMillis() / 1000;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofMillis(settings.requestTimeoutMillis()))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.EVENT_ID_HEADER, Long.toString(delivery.eventId()))
                    .header(WebhookSignature.EVENT_TYPE_HEADER, delivery.type())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestampSeconds, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                outbox.delivered(delivery, status, clock.epochMillis());
            } else {
                retryLater(delivery, status, "the receiver answered " + status);
            }
        } catch (IOException | IllegalArgumentException e) {
            retryLater(delivery, 0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            // Nobody interrupts this thread; if something does, the claim lapses and the delivery is due again.
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void retryLater(WebhookDelivery delivery, int status, String error) {
        int attempts = delivery.attempts() + 1;
        long retryAtMillis = -1;
        if (attempts < settings.maxAttempts()) {
            long backoff = settings.initialBackoffMillis() << Math.min(attempts - 1, 30);
            retryAtMillis = clock.epochMillis() + Math.min(backoff, settings.maxBackoffMillis());
        }
        outbox.failed(delivery, status, error, retryAtMillis);
    }

    private void run() {
        while (running) {
            int work;
            try {
                work = doWork();
            } catch (RuntimeException e) {
                // The database is away or refused: nothing is lost (the outbox holds it all), try again shortly.
                LOG.log(System.Logger.Level.WARNING, "webhook delivery cycle failed; retrying", e);
                work = 0;
            }
            if (work == 0 && running) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * Stops the thread after the POST in progress, if any, has been answered and recorded (not interrupted: its
     * outcome would be lost and the delivery held by its claim until the claim lapses); the rest stays pending.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(settings.requestTimeoutMillis() + TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
