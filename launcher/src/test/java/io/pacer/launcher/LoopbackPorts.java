package io.pacer.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free ports on 127.0.0.1 for the SIPp peers of the launcher's end-to-end tests. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A signalling port below the relays' and the kernel's ephemeral ranges, free for UDP and TCP. */
    static int signalling() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 20_000);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Another.
            }
        }
        throw new IOException("no free signalling port");
    }

    /** An even UDP port with the three above it free too: SIPp's RTP and RTCP pairs for audio and video. */
    static int media() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort() & ~1;
            }
            try (DatagramSocket a = new DatagramSocket(port, InetAddress.getLoopbackAddress());
                 DatagramSocket b = new DatagramSocket(port + 1, InetAddress.getLoopbackAddress());
                 DatagramSocket c = new DatagramSocket(port + 2, InetAddress.getLoopbackAddress());
                 DatagramSocket d = new DatagramSocket(port + 3, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Another.
            }
        }
        throw new IOException("no free media ports");
    }
}
