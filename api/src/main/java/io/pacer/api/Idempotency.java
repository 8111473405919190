package io.pacer.api;

import io.pacer.store.idempotency.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code Idempotency-Key} on {@code POST}: the first answer to a key is stored durably and, for 24 hours, a retry
 * with the same request (method, path, query and body) gets that answer again without anything being created a
 * second time; the same key with a different request is refused (422), and a retry while the first still runs is
 * told so (409). A request that is refused or fails keeps no answer, so it may be retried, corrected, under its key.
 */
final class Idempotency {

    /** The request header. */
    static final String HEADER = "Idempotency-Key";

    /** Set on a replayed answer. */
    static final String REPLAYED = "Idempotent-Replayed";

    private static final int MAX_KEY_CHARS = 255;

    private final IdempotencyKeys keys;
    private final LongSupplier nowMillis;

    Idempotency(IdempotencyKeys keys, LongSupplier nowMillis) {
        this.keys = keys;
        this.nowMillis = nowMillis;
    }

    /** Runs {@code work} once per key and request; a retry gets the first answer. */
    Rendered around(long userId, String key, ApiRequest request, Callable<Rendered> work) throws Exception {
        if (key.isEmpty() || key.length() > MAX_KEY_CHARS || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw new Problem.Refusal(Problem.of(400, "invalid_field", "Invalid request", HEADER,
                    "must be 1.." + MAX_KEY_CHARS + " visible ASCII characters (a UUID, say)"));
        }
        String hash = hash(request);
        Optional<IdempotencyKeys.Entry> earlier = keys.claim(userId, key, hash, nowMillis.getAsLong());
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Rendered answer;
        try {
            answer = work.call();
        } catch (Exception | Error e) {
            keys.release(userId, key);
            throw e;
        }
        if (answer.status() >= 200 && answer.status() < 300 && answer.stream() == null) {
            keys.complete(userId, key, answer.status(), answer.headers().get("Location"),
                    new String(answer.body(), StandardCharsets.UTF_8));
        } else {
            keys.release(userId, key);
        }
        return answer;
    }

    private static Rendered replay(IdempotencyKeys.Entry earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new Problem.Refusal(Problem.of(422, "idempotency_key_reused", "Idempotency key reused", HEADER,
                    "this key was used for a different request in the last 24 hours; use a new key for a new request"));
        }
        if (earlier.status() == 0) {
            throw new Problem.Refusal(Problem.of(409, "conflict", "Conflict with the current state", HEADER,
                    "the first request with this key is still running; retry it later"));
        }
        Map<String, String> headers = new TreeMap<>(Map.of(REPLAYED, "true"));
        if (earlier.location() != null) {
            headers.put("Location", earlier.location());
        }
        byte[] body = earlier.body() == null ? new byte[0] : earlier.body().getBytes(StandardCharsets.UTF_8);
        return new Rendered(earlier.status(), body, body.length == 0 ? null : "application/json", headers, null);
    }

    /** What makes two requests the same: method, path, query (in a fixed order) and body. */
    private static String hash(ApiRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.path() + "?").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<String>> p : new TreeMap<>(request.query()).entrySet()) {
                sha.update((p.getKey() + "=" + p.getValue() + "&").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
