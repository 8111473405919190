package io.pacer.sip.stack;

import javax.sip.header.Header;
import javax.sip.message.Message;

/**
 * The Session-Expires header of RFC 4028 as Pacer reads and writes it: an interval in seconds and who refreshes
 * ("uac" or "uas", relative to the transaction that carries it; {@code null} when the header names nobody).
 * Read from the full or compact form ({@code x}).
 *
 * @param seconds   the session interval
 * @param refresher "uac", "uas" or {@code null}
 */
public record SessionExpires(int seconds, String refresher) {

    /** The header of {@code message}, or {@code null} when it has none or none that can be read. */
    public static SessionExpires of(Message message) {
        Header h = message.getHeader("Session-Expires");
        if (h == null) {
            h = message.getHeader("x");
        }
        if (h == null) {
            return null;
        }
        String[] parts = valueOf(h).split(";");
        try {
            int seconds = Integer.parseInt(parts[0].trim());
            String refresher = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase();
                if (p.startsWith("refresher=")) {
                    refresher = p.substring("refresher=".length()).trim();
                }
            }
            return seconds > 0 ? new SessionExpires(seconds, refresher) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Min-SE of {@code message} in seconds (a 422's), or 0 when it has none that can be read. */
    public static int minSeOf(Message message) {
        Header h = message.getHeader("Min-SE");
        if (h == null) {
            return 0;
        }
        try {
            return Integer.parseInt(valueOf(h).split(";")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String valueOf(Header h) {
        String text = h.toString();
        int colon = text.indexOf(':');
        return text.substring(colon + 1).trim();
    }

    /** This interval with {@code who} as the refresher, as a header for {@code sip}'s messages. */
    public static Header header(SipEndpoint sip, int seconds, String who) throws Exception {
        return sip.headers.createHeader("Session-Expires", seconds + ";refresher=" + who);
    }

    /** The Min-SE header a 422 carries. */
    public static Header minSe(SipEndpoint sip, int seconds) throws Exception {
        return sip.headers.createHeader("Min-SE", String.valueOf(seconds));
    }
}
