package io.pacer.sip.media;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The little SDP Pacer speaks: one audio stream, one G.711 codec plus telephone-event, on a relay port. The
 * relay passes media through untouched, so both legs are offered the same single codec and nothing else.
 */
public final class Sdp {

    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

    /**
     * The last session id handed out: starts at the NTP time of the process's start in milliseconds, as RFC 4566
     * 5.2 suggests, so that ids stay unique across restarts too; each session takes the next one.
     */
    private static final AtomicLong LAST_SESSION_ID =
            new AtomicLong((System.currentTimeMillis() / 1000 + NTP_UNIX_OFFSET_SECONDS) * 1000);

    private Sdp() {
    }

    /** A session id no other session of this Pacer has, for the {@code o=} line of a new session. */
    public static long newSessionId() {
        return LAST_SESSION_ID.incrementAndGet();
    }

    /**
     * An offer or answer for one audio stream on {@code host:port} with payload type 0 (PCMU) or 8 (PCMA). The
     * {@code o=} line carries the session's own id (never the port, which the next call reuses) and its version,
     * which the session raises each time it offers again (RFC 3264 8).
     */
    public static String audio(String host, int port, int payloadType, long sessionId, long sessionVersion) {
        String name = payloadType == 0 ? "PCMU" : "PCMA";
        return "v=0\r\n"
                + "o=pacer " + sessionId + " " + sessionVersion + " IN IP4 " + host + "\r\n"
                + "s=pacer\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP " + payloadType + " 101\r\n"
                + "a=rtpmap:" + payloadType + " " + name + "/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    /**
     * Where the far end wants its audio: the session (or media) connection address and the audio port, or
     * {@code null} when the body has none (no SDP, port 0, malformed).
     */
    public static InetSocketAddress audioTarget(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.US_ASCII);
        String host = null;
        int port = -1;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                String h = line.substring(9).trim();
                int slash = h.indexOf('/');
                host = slash < 0 ? h : h.substring(0, slash);
            } else if (line.startsWith("m=audio ") && port < 0) {
                String[] parts = line.split(" ");
                try {
                    port = Integer.parseInt(parts[1].trim());
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    return null;
                }
            }
        }
        if (host == null || port <= 0 || port > 65535) {
            return null;
        }
        return new InetSocketAddress(host, port);
    }
}
