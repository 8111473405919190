package io.pacer.sip.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One UDP port of the relay, anchoring one leg's media (a customer call or an agent's nailed-up session).
 * Packets that arrive here are sent, unchanged, from the {@link #peer} port to the peer's far end; a bridge is
 * nothing but setting the two ports as each other's peer, which costs no SIP message.
 *
 * <p>The SIP worker thread writes {@link #remote}; the engine's thread (through {@link BridgeIndex}) or the
 * worker writes {@link #peer}; the port's Netty event loop reads them per packet. Both are volatile, so a
 * switch is seen by the next packet without a lock, and a peer is only ever cleared by compare-and-set, so a
 * late clean-up of an old call cannot undo a new bridge.
 */
public final class RelayPort extends SimpleChannelInboundHandler<DatagramPacket> {

    private final RtpRelay relay;
    private final int port;
    private Channel channel;
    private volatile InetSocketAddress remote;
    private volatile RelayPort peer;
    /** The engine call this customer port carries, or -1 (agent ports, free ports). */
    volatile long ownerCallId = -1;
    /** When the trunk's 200 OK for {@link #ownerCallId} arrived, for the answer-to-bridge time. */
    volatile long answeredAtNanos;
    /** Set by the first packet from the far end's address: from then on only that exact source is accepted. */
    private volatile boolean latched;
    /** 200 OK arrival of the call this port carries, while the first forwarded packet is still to be timed. */
    private volatile long answerNanosPending;
    private volatile ScheduledFuture<?> prompt;
    /** The customer call's media analysis, or {@code null} (AMD off, agent ports): fed before any forwarding. */
    private volatile MediaAnalysis analysis;
    /** The last message's latency: 200 OK arrival to its first packet sent (0: no message played yet). */
    private volatile long messageLatencyNanos;
    /** When the last packet from the far end was accepted (0: none yet); the agent leg's sign that a phone lives. */
    private volatile long lastPacketNanos;

    RelayPort(RtpRelay relay, int port) {
        this.relay = relay;
        this.port = port;
    }

    void bind(Channel boundChannel) {
        this.channel = boundChannel;
    }

    /** The local UDP port (what goes into this leg's SDP). */
    public int port() {
        return port;
    }

    /** Where this leg's far end receives media, learned from its SDP, or {@code null}. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** Sets the far end's media address from its SDP (a re-INVITE may move it). */
    public void remote(InetSocketAddress address) {
        this.remote = address;
        this.latched = false;
    }

    /** The port this one forwards to, or {@code null} while not bridged. */
    public RelayPort peer() {
        return peer;
    }

    /** Starts timing the first packet forwarded from this port, from the 200 OK arrival time. */
    public void timeFirstForwardFrom(long answerNanos) {
        this.answerNanosPending = answerNanos;
    }

    /** Connects two legs: from now on, packets arriving on either go out of the other. */
    public static void bridge(RelayPort customer, RelayPort agent) {
        RelayPort previous = agent.peer;
        if (previous != null && previous != customer) {
            PEER.compareAndSet(previous, agent, null);
        }
        customer.peer = agent;
        agent.peer = customer;
    }

    /** Cuts this port from its peer, in both directions. */
    public void unbridge() {
        RelayPort p = peer;
        if (p != null) {
            PEER.compareAndSet(p, this, null);
        }
        peer = null;
    }

    /** Cuts this port from {@code other} only if it still forwards to it (a newer bridge is left alone). */
    void cutFrom(RelayPort other) {
        PEER.compareAndSet(this, other, null);
    }

    private static final java.lang.invoke.VarHandle PEER;

    static {
        try {
            PEER = java.lang.invoke.MethodHandles.lookup().findVarHandle(RelayPort.class, "peer", RelayPort.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Plays the relay's built-in prompt (a 440 Hz tone in this port's codec, 20 ms frames) to the far end for
     * {@code millis}: the stand-in for the identification message of an abandoned call when no recording is
     * configured.
     */
    public void playPrompt(long millis, int payloadType) {
        if (millis <= 0) {
            return;
        }
        byte[] frame = relay.promptFrame(payloadType);
        play(Math.max(1, millis / 20), payloadType, i -> frame);
    }

    /** Plays a recorded prompt to the far end, one 20 ms frame every 20 ms, from its first frame to its last. */
    public void playPrompt(PromptAudio audio) {
        play(audio.frames(), audio.payloadType(), audio::frame);
    }

    /** Sends {@code frames} RTP packets 20 ms apart on this port's event loop, cut from the peer first. */
    private void play(long frames, int payloadType, IntFunction<byte[]> frameAt) {
        if (channel == null) {
            return;
        }
        unbridge();
        final long[] sent = {0};
        prompt = channel.eventLoop().scheduleAtFixedRate(() -> {
            InetSocketAddress to = remote;
            if (sent[0] >= frames || to == null) {
                stopPrompt();
                return;
            }
            byte[] frame = frameAt.apply((int) sent[0]);
            boolean first = sent[0] == 0;
            sent[0]++;
            ByteBuf buf = Unpooled.buffer(12 + frame.length);
            buf.writeByte(0x80).writeByte(payloadType).writeShort((int) sent[0])
                    .writeInt((int) (sent[0] * PromptAudio.FRAME_SAMPLES)).writeInt(port);
            buf.writeBytes(frame);
            channel.writeAndFlush(new DatagramPacket(buf, to), channel.voidPromise());
            long answered = answeredAtNanos;
            if (first && answered != 0) {
                long latency = System.nanoTime() - answered;
                messageLatencyNanos = latency;
                relay.meter().recordMessageStart(latency);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void stopPrompt() {
        ScheduledFuture<?> p = prompt;
        if (p != null) {
            p.cancel(false);
            prompt = null;
        }
    }

    /** Worker thread: analyses the media that arrives on this port from now on ({@code null}: no longer). */
    public void analyse(MediaAnalysis callAnalysis) {
        this.analysis = callAnalysis;
    }

    /** The call's media analysis, or {@code null}. */
    public MediaAnalysis analysis() {
        return analysis;
    }

    /** Forgets the leg so that the port can serve another call. */
    void reset() {
        ownerCallId = -1;
        analysis = null;
        unbridge();
        stopPrompt();
        remote = null;
        latched = false;
        answerNanosPending = 0;
        lastPacketNanos = 0;
        messageLatencyNanos = 0;
    }

    /**
     * How long after its 200 OK the call's identification message began: the first packet sent (nanoseconds), or 0
     * while none has been played on this port since the call took it.
     */
    public long messageLatencyNanos() {
        return messageLatencyNanos;
    }

    /** {@link System#nanoTime} of the last packet accepted from the far end, or 0 if none came since it was opened. */
    public long lastPacketNanos() {
        return lastPacketNanos;
    }

    void close() {
        stopPrompt();
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        relay.received.increment();
        InetSocketAddress source = packet.sender();
        InetSocketAddress expected = remote;
        if (expected == null) {
            relay.unexpected.increment();
            return;
        }
        if (!latched) {
            if (!expected.getAddress().equals(source.getAddress())) {
                // Media from another host than the SDP named is never relayed (RTP injection).
                relay.unexpected.increment();
                return;
            }
            // Symmetric RTP: the far end sends from where it wants to receive (NAT may move the port). The
            // first packet fixes the source; a later one from another port is an intruder, not a move.
            remote = source;
            latched = true;
        } else if (!expected.equals(source)) {
            relay.unexpected.increment();
            return;
        }
        lastPacketNanos = System.nanoTime();
        MediaAnalysis listening = analysis;
        if (listening != null) {
            // Before the forward, on this loop: a held call has no peer yet, and a bridged one pays ~25
            // multiply-adds a sample only until the verdict (docs/amd.md).
            listening.packet(packet.content());
        }
        RelayPort to = peer;
        InetSocketAddress target = to == null ? null : to.remote;
        if (target == null) {
            relay.notBridged.increment();
            return;
        }
        to.channel.writeAndFlush(new DatagramPacket(packet.content().retainedDuplicate(), target), to.channel.voidPromise());
        relay.forwarded.increment();
        long answered = answerNanosPending;
        if (answered != 0) {
            answerNanosPending = 0;
            relay.meter().recordFirstMedia(System.nanoTime() - answered);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send (port unreachable, buffer full) loses one packet; the relay keeps going.
        relay.sendErrors.increment();
    }
}
