package io.pacer.sip.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The media anchor: a pool of UDP ports on Netty event loops, one port per leg, that forward RTP between
 * bridged legs without looking inside (PCMU/PCMA passthrough, no transcoding, no jitter buffer).
 *
 * <p>Ports are opened and released by one thread, the SIP worker; a released port stays bound and goes back
 * to the pool, so a call costs no bind. Counters are cheap adders that any thread may read.
 */
public final class RtpRelay implements AutoCloseable {

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final InetAddress bindAddress;
    private final int portMax;
    private final ArrayDeque<RelayPort> free = new ArrayDeque<>();
    private final AnswerToBridgeMeter meter;
    private final byte[][] prompts = new byte[9][];
    private int nextPort;
    private int open;

    final LongAdder received = new LongAdder();
    final LongAdder forwarded = new LongAdder();
    final LongAdder notBridged = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    final LongAdder sendErrors = new LongAdder();

    /** Creates the relay; ports are bound on demand within {@code portMin..portMax} (even ports only). */
    public RtpRelay(String bindHost, int portMin, int portMax, int threads, AnswerToBridgeMeter meter) {
        try {
            this.bindAddress = InetAddress.getByName(bindHost);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("relay bind address " + bindHost, e);
        }
        this.nextPort = portMin + (portMin & 1);
        this.portMax = portMax;
        this.meter = meter;
        boolean epoll = Epoll.isAvailable();
        DefaultThreadFactory threadsNamed = new DefaultThreadFactory("pacer-rtp", true);
        this.group = epoll ? new EpollEventLoopGroup(threads, threadsNamed) : new NioEventLoopGroup(threads, threadsNamed);
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .option(ChannelOption.SO_SNDBUF, 1 << 20);
        prompts[0] = tone(true);
        prompts[8] = tone(false);
    }

    /** Takes a port for a new leg: a released one, or a newly bound one. Called by one thread only. */
    public RelayPort open() {
        RelayPort reused = free.poll();
        if (reused != null) {
            return reused;
        }
        while (nextPort <= portMax) {
            int port = nextPort;
            nextPort += 2;
            RelayPort relayPort = new RelayPort(this, port);
            try {
                Channel ch = bootstrap.clone().handler(relayPort).bind(new InetSocketAddress(bindAddress, port))
                        .syncUninterruptibly().channel();
                relayPort.bind(ch);
                open++;
                return relayPort;
            } catch (RuntimeException busy) {
                // The port is taken by another process: try the next one.
            }
        }
        throw new IllegalStateException("RTP relay: no free port left in range (" + open + " open)");
    }

    /** Gives a port back to the pool once its leg has ended. Called by the same thread as {@link #open}. */
    public void release(RelayPort port) {
        port.reset();
        free.push(port);
    }

    /** The answer-to-bridge recorders. */
    public AnswerToBridgeMeter meter() {
        return meter;
    }

    /** Ports bound so far (in use or pooled). */
    public int openPorts() {
        return open;
    }

    /** Ports in use by a leg. */
    public int portsInUse() {
        return open - free.size();
    }

    /** Packets received on any port. */
    public long packetsReceived() {
        return received.sum();
    }

    /** Packets forwarded to a bridged peer. */
    public long packetsForwarded() {
        return forwarded.sum();
    }

    /** Packets received on a port with no peer (not bridged yet, or the agent is idle): dropped by design. */
    public long packetsNotBridged() {
        return notBridged.sum();
    }

    /** Packets from a source that is not the leg's far end: dropped. */
    public long packetsUnexpected() {
        return unexpected.sum();
    }

    /** Packets the operating system refused to send. */
    public long sendErrors() {
        return sendErrors.sum();
    }

    byte[] promptFrame(int payloadType) {
        return prompts[payloadType == 8 ? 8 : 0];
    }

    /** 20 ms of a 440 Hz tone, G.711 encoded. */
    private static byte[] tone(boolean ulaw) {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            int sample = (int) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            frame[i] = ulaw ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
        }
        return frame;
    }

    @Override
    public void close() {
        for (RelayPort p : free) {
            p.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
