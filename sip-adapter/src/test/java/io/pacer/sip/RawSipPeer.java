package io.pacer.sip;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A SIP peer at the datagram level, for tests that must send what no SIP stack would (malformed, oversize) and
 * read exactly what Pacer sent back: one UDP socket on 127.0.0.1.
 */
final class RawSipPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final int pacerPort;

    RawSipPeer(int localPort, int pacerPort) throws Exception {
        this.socket = new DatagramSocket(localPort, InetAddress.getLoopbackAddress());
        this.pacerPort = pacerPort;
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String message) throws Exception {
        send(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws Exception {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), pacerPort));
    }

    /** The next datagram as text, or {@code null} when none comes within {@code timeoutMillis}. */
    String receive(long timeoutMillis) throws Exception {
        socket.setSoTimeout((int) timeoutMillis);
        byte[] buf = new byte[65536];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException silence) {
            return null;
        }
        return new String(buf, 0, in.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** The next request of {@code method}, skipping anything else; {@code null} when none comes in time. */
    String receiveRequest(String method, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (long left = timeoutMillis; left > 0; left = deadline - System.currentTimeMillis()) {
            String m = receive(left);
            if (m == null || m.startsWith(method + " ")) {
                return m;
            }
        }
        return null;
    }

    /** Sends {@code message} and returns the first answer, or {@code null}. */
    String exchange(String message, long timeoutMillis) throws Exception {
        send(message);
        return receive(timeoutMillis);
    }

    /** Reads and drops whatever is still arriving (retransmissions of an earlier exchange). */
    void drain() throws Exception {
        while (receive(200) != null) {
            // keep reading
        }
    }

    static String statusLine(String message) {
        return message == null ? null : message.substring(0, message.indexOf("\r\n"));
    }

    /** The value of the first header field {@code name} (case-insensitive), or {@code null}. */
    static String header(String message, String name) {
        String head = message.substring(0, message.indexOf("\r\n\r\n") + 2);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }

    @Override
    public void close() {
        socket.close();
    }
}
