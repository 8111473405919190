package io.pacer.loopback;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** A UDP socket on 127.0.0.1 with a reader thread that hands each SIP message to a handler. */
final class MiniSipEndpoint implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread reader;
    private volatile boolean open = true;

    MiniSipEndpoint(String name, BiConsumer<MiniSipMessage, InetSocketAddress> handler) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        reader = new Thread(() -> {
            byte[] buf = new byte[65536];
            while (open) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    if (p.getLength() > 4) {
                        handler.accept(MiniSipMessage.parse(buf, p.getLength()), (InetSocketAddress) p.getSocketAddress());
                    }
                } catch (IOException | RuntimeException e) {
                    if (!open) {
                        return;
                    }
                }
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String message, InetSocketAddress to) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(b, b.length, to));
        } catch (IOException e) {
            // Loopback: a failed send is a closed world, not something to recover from.
        }
    }

    @Override
    public void close() {
        open = false;
        socket.close();
    }
}
