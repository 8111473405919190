package io.pacer.store.user;

/**
 * A bearer token just issued to a user: the one moment it exists outside the client, since storage keeps only
 * its hash ({@link TokenHash}). Lost tokens are replaced by rotation, never read back.
 *
 * @param user  whom it authenticates
 * @param token the token, 256 random bits as 64 hex digits
 */
public record IssuedToken(User user, String token) {
}
