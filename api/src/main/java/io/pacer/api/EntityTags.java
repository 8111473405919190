package io.pacer.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * ETags and {@code If-Match}: a thing's tag is a hash of its JSON as the API writes it, so it changes exactly when
 * something a client can see changes, with no version column to keep. An edit ({@code PATCH}, {@code PUT},
 * {@code DELETE}) with {@code If-Match} is checked against the tag of the thing as its {@code GET} answers now
 * and refused with 412 when it differs: a client never overwrites a change it has not seen.
 *
 * <p>The check and the edit run under a lock per path in this server, so two edits through it cannot both pass
 * the same tag; edits of one thing through two servers at once (several engines on one PostgreSQL) are not
 * serialised by it.
 */
final class EntityTags {

    private static final int STRIPES = 64;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    EntityTags() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The strong ETag of a body: the quoted first 128 bits of its SHA-256, base64url. */
    static String of(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether an {@code If-Match} header (one tag, a list, or {@code *}) matches the current tag. */
    static boolean matches(String ifMatch, String current) {
        for (String tag : List.of(ifMatch.split(","))) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The lock an edit of {@code path} holds from its check to its answer. */
    ReentrantLock lockFor(String path) {
        return locks[Math.floorMod(path.hashCode(), STRIPES)];
    }
}
