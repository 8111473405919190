package io.pacer.store.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Bearer tokens at rest: only {@code sha256:} and the SHA-256 of the token is stored, so a copy of the database
 * lets no one act as a user. A plain hash (no salt, no stretching) suffices because issued tokens are 256 random
 * bits, beyond any dictionary; and it keeps the look-up a single indexed equality. A revoked token is replaced
 * by a {@code revoked:} marker that no hash can equal.
 */
public final class TokenHash {

    /** Prefix of a stored hash; any other stored value matches no token. */
    public static final String PREFIX = "sha256:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    /** What is stored for a token. */
    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A fresh token: 256 random bits as 64 hex digits. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The stored value of a revoked token: unique (the column is), and equal to no hash. */
    static String revokedMarker(long userId) {
        return "revoked:" + userId + ":" + newToken();
    }
}
