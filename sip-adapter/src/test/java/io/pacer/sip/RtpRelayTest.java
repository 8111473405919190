package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pacer.sip.media.AnswerToBridgeMeter;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The relay forwards between bridged legs only, from each leg's own far end only. */
class RtpRelayTest {

    private static void send(DatagramSocket from, RelayPort to, byte[] payload) throws Exception {
        from.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), to.port()));
    }

    private static byte[] receive(DatagramSocket s) throws Exception {
        byte[] buf = new byte[256];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        byte[] out = new byte[p.getLength()];
        System.arraycopy(buf, 0, out, 0, out.length);
        return out;
    }

    private static void awaitCount(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void forwardsBothWaysOnceBridgedAndDropsStrangers() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (RtpRelay relay = new RtpRelay("127.0.0.1", 26000, 26999, 1, new AnswerToBridgeMeter());
             DatagramSocket customer = new DatagramSocket(0, lo);
             DatagramSocket agent = new DatagramSocket(0, lo);
             DatagramSocket stranger = new DatagramSocket(0, lo)) {
            customer.setSoTimeout(1000);
            agent.setSoTimeout(1000);
            RelayPort c = relay.open();
            RelayPort a = relay.open();
            c.remote(new InetSocketAddress(lo, customer.getLocalPort()));
            a.remote(new InetSocketAddress(lo, agent.getLocalPort()));
            c.timeFirstForwardFrom(System.nanoTime());

            send(customer, c, new byte[] {1});
            awaitCount(relay::packetsNotBridged, 1);
            assertEquals(1, relay.packetsNotBridged(), "nothing is forwarded before the bridge");

            RelayPort.bridge(c, a);
            send(customer, c, new byte[] {2, 2});
            assertArrayEquals(new byte[] {2, 2}, receive(agent));
            send(agent, a, new byte[] {3, 3, 3});
            assertArrayEquals(new byte[] {3, 3, 3}, receive(customer));

            send(stranger, c, new byte[] {9});
            agent.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> receive(agent), "injected RTP must not be relayed");
            assertEquals(1, relay.packetsUnexpected());
            assertEquals(1, relay.meter().totalAnswerToFirstMedia().getTotalCount());

            relay.release(c);
            send(agent, a, new byte[] {4});
            awaitCount(relay::packetsNotBridged, 2);
            assertEquals(2, relay.packetsNotBridged(), "the agent's port is idle once the customer has gone");
            assertEquals(c, relay.open(), "a released port is reused");
        }
    }
}
