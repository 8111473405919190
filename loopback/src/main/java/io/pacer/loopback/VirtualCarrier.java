package io.pacer.loopback;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A carrier with its customers, on 127.0.0.1: answers Pacer's INVITEs over real SIP (100, 180, then 200 with
 * SDP, 486, or ringing until CANCEL and 487), sends 20 ms G.711 RTP to Pacer's relay while a call is up,
 * and hangs up (BYE) when the customer's talk time is over. Behaviour comes from a {@link CarrierProfile}.
 */
public final class VirtualCarrier implements AutoCloseable {

    private final CarrierProfile profile;
    private final Random random;
    private final ScheduledExecutorService scheduler;
    private final MiniSipEndpoint sip;
    private final DatagramSocket rtp;
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> mediaClock;
    private final Thread rtpReader;
    private final byte[] frame = new byte[172];
    private int sequence;
    final LongAdder invites = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder cancelled = new LongAdder();
    final LongAdder rtpReceived = new LongAdder();

    private static final class Call {
        final MiniSipMessage invite;
        final InetSocketAddress pacer;
        final String tag = Long.toHexString(System.nanoTime());
        volatile InetSocketAddress media;
        volatile boolean answered;
        volatile boolean over;
        volatile ScheduledFuture<?> next;

        Call(MiniSipMessage invite, InetSocketAddress pacer) {
            this.invite = invite;
            this.pacer = pacer;
        }
    }

    VirtualCarrier(CarrierProfile profile, long seed, ScheduledExecutorService scheduler) throws IOException {
        this.profile = profile;
        this.random = new Random(seed);
        this.scheduler = scheduler;
        this.rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.sip = new MiniSipEndpoint("virtual-carrier", this::onMessage);
        frame[0] = (byte) 0x80;
        this.mediaClock = scheduler.scheduleAtFixedRate(this::sendMedia, 20, 20, TimeUnit.MILLISECONDS);
        this.rtpReader = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!rtp.isClosed()) {
                try {
                    rtp.receive(new DatagramPacket(buf, buf.length));
                    rtpReceived.increment();
                } catch (IOException e) {
                    return;
                }
            }
        }, "virtual-carrier-rtp");
        rtpReader.setDaemon(true);
        rtpReader.start();
    }

    /** The SIP port Pacer's trunk must point at. */
    public int sipPort() {
        return sip.port();
    }

    /** INVITEs received. */
    public long invites() {
        return invites.sum();
    }

    /** Calls answered. */
    public long answered() {
        return answered.sum();
    }

    /** RTP packets received from Pacer's relay (the agents' audio). */
    public long rtpReceived() {
        return rtpReceived.sum();
    }

    private synchronized long sample(LongSampler sampler) {
        return Math.max(0, sampler.sampleMillis(random));
    }

    private synchronized double uniform() {
        return random.nextDouble();
    }

    private void onMessage(MiniSipMessage m, InetSocketAddress from) {
        if (!m.isRequest()) {
            return;
        }
        String callId = m.callId();
        switch (m.method()) {
            case "INVITE" -> {
                Call existing = calls.get(callId);
                if (existing != null) {
                    sip.send(m.response(100, "Trying", null, null, null, null), from);
                    return;
                }
                Call call = new Call(m, from);
                calls.put(callId, call);
                invites.increment();
                sip.send(m.response(100, "Trying", null, null, null, null), from);
                sip.send(m.response(180, "Ringing", call.tag, contact(), null, null), from);
                double u = uniform();
                long ring = sample(profile.ringMillis());
                if (u < profile.answerProbability()) {
                    call.next = scheduler.schedule(() -> answer(call), ring, TimeUnit.MILLISECONDS);
                } else if (u < profile.answerProbability() + profile.busyProbability()) {
                    call.next = scheduler.schedule(() -> reject(call, 486, "Busy Here"), ring, TimeUnit.MILLISECONDS);
                }
            }
            case "CANCEL" -> {
                sip.send(m.response(200, "OK", null, null, null, null), from);
                Call call = calls.get(callId);
                if (call != null && !call.answered && !call.over) {
                    cancelled.increment();
                    cancelTimer(call);
                    reject(call, 487, "Request Terminated");
                }
            }
            case "BYE" -> {
                sip.send(m.response(200, "OK", null, null, null, null), from);
                Call call = calls.remove(callId);
                if (call != null) {
                    call.over = true;
                    cancelTimer(call);
                }
            }
            case "ACK" -> {
                Call call = calls.get(callId);
                if (call != null && call.over && !call.answered) {
                    calls.remove(callId);
                }
            }
            default -> sip.send(m.response(200, "OK", null, null, null, null), from);
        }
    }

    private String contact() {
        return "Contact: <sip:carrier@127.0.0.1:" + sip.port() + ">\r\n";
    }

    private static void cancelTimer(Call call) {
        ScheduledFuture<?> f = call.next;
        if (f != null) {
            f.cancel(false);
        }
    }

    private void answer(Call call) {
        if (call.over) {
            return;
        }
        String sdp = "v=0\r\no=carrier 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        call.media = mediaOf(call.invite.body);
        call.answered = true;
        answered.increment();
        sip.send(call.invite.response(200, "OK", call.tag, contact(), "application/sdp", sdp), call.pacer);
        sendFrame(call);
        call.next = scheduler.schedule(() -> hangUp(call), sample(profile.talkMillis()), TimeUnit.MILLISECONDS);
    }

    private void reject(Call call, int status, String reason) {
        if (call.over) {
            return;
        }
        call.over = true;
        if (status == 486) {
            busy.increment();
        }
        sip.send(call.invite.response(status, reason, call.tag, null, null, null), call.pacer);
    }

    private void hangUp(Call call) {
        if (call.over || calls.remove(call.invite.callId()) == null) {
            return;
        }
        call.over = true;
        MiniSipMessage inv = call.invite;
        String pacerContact = MiniSipMessage.uriOf(inv.header("Contact"));
        StringBuilder b = new StringBuilder(400);
        b.append("BYE ").append(pacerContact).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:").append(sip.port()).append(";branch=z9hG4bK").append(Long.toHexString(System.nanoTime())).append("\r\n")
                .append("From: ").append(inv.header("To")).append(";tag=").append(call.tag).append("\r\n")
                .append("To: ").append(inv.header("From")).append("\r\n")
                .append("Call-ID: ").append(inv.callId()).append("\r\n")
                .append("CSeq: 1 BYE\r\nMax-Forwards: 70\r\n");
        sip.send(MiniSipMessage.finish(b, null, null), call.pacer);
    }

    static InetSocketAddress mediaOf(String sdp) {
        String host = null;
        int port = -1;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                host = line.substring(9).trim();
            } else if (line.startsWith("m=audio ")) {
                port = Integer.parseInt(line.split(" ")[1]);
            }
        }
        return host == null || port <= 0 ? null : new InetSocketAddress(host, port);
    }

    private void sendMedia() {
        sequence++;
        for (Call call : calls.values()) {
            if (call.answered && !call.over) {
                sendFrame(call);
            }
        }
    }

    private void sendFrame(Call call) {
        InetSocketAddress to = call.media;
        if (to == null) {
            return;
        }
        frame[2] = (byte) (sequence >> 8);
        frame[3] = (byte) sequence;
        try {
            rtp.send(new DatagramPacket(frame, frame.length, to));
        } catch (IOException e) {
            // The relay port is gone (call over): the next clock tick no longer sends to it.
        }
    }

    @Override
    public void close() {
        mediaClock.cancel(false);
        sip.close();
        rtp.close();
    }
}
