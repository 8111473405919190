package io.pacer.sip.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * Server side of HTTP digest (RFC 2617, MD5, qop=auth or none) for agent REGISTERs. Nonces are stateless: a
 * timestamp signed with a per-process key, valid for five minutes, so that a flood of REGISTERs costs no
 * memory.
 */
final class DigestChallenge {

    private static final long NONCE_LIFETIME_MILLIS = 300_000;
    private final String realm;
    private final Mac mac;

    DigestChallenge(String realm) {
        this.realm = realm;
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    String realm() {
        return realm;
    }

    String newNonce() {
        String stamp = Long.toHexString(System.currentTimeMillis());
        return stamp + sign(stamp);
    }

    private String sign(String stamp) {
        byte[] sig = mac.doFinal(stamp.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sig, 0, 12);
    }

    private boolean nonceValid(String nonce) {
        if (nonce == null || nonce.length() < 25) {
            return false;
        }
        String stamp = nonce.substring(0, nonce.length() - 24);
        if (!MessageDigest.isEqual(sign(stamp).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(stamp.length()).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return System.currentTimeMillis() - Long.parseLong(stamp, 16) < NONCE_LIFETIME_MILLIS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when the credentials answer one of our nonces with the right password. */
    boolean verify(AuthorizationHeader a, String method, String username, String password) {
        if (a == null || password == null || !username.equals(a.getUsername()) || !realm.equals(a.getRealm())
                || !nonceValid(a.getNonce()) || a.getResponse() == null) {
            return false;
        }
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + a.getURI());
        String qop = a.getQop();
        String expected = qop == null
                ? md5(ha1 + ":" + a.getNonce() + ":" + ha2)
                : md5(ha1 + ":" + a.getNonce() + ":" + String.format("%08x", a.getNonceCount()) + ":"
                        + a.getCNonce() + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                a.getResponse().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
