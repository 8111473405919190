package io.pacer.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook body is signed, so that a receiver can tell Pacer's events from forgeries and replays: the
 * HMAC-SHA256, keyed with the subscription's secret, of the timestamp, a dot and the exact body bytes, in hex.
 * The timestamp is signed too so that a captured request cannot be replayed later under a fresh timestamp.
 */
public final class WebhookSignature {

    /** Header carrying {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "Pacer-Signature";
    /** Header carrying the signing time in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "Pacer-Timestamp";
    /** Header carrying the event id (the same in every retry: the receiver's de-duplication key). */
    public static final String EVENT_ID_HEADER = "Pacer-Event-Id";
    /** Header carrying the event's type. */
    public static final String EVENT_TYPE_HEADER = "Pacer-Event-Type";

    private WebhookSignature() {
    }

    /** The value of the signature header for a body sent at {@code timestampSeconds}. */
    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
