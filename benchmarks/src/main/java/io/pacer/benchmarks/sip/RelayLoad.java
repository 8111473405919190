package io.pacer.benchmarks.sip;

import com.sun.management.OperatingSystemMXBean;
import io.pacer.sip.media.AnswerToBridgeMeter;
import io.pacer.sip.media.RelayPort;
import io.pacer.sip.media.RtpRelay;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The RTP relay alone: {@code calls} bridged call pairs, 20 ms G.711 frames (172-byte RTP packets) both ways,
 * sent evenly over each 20 ms from two sockets (all customers, all agents), counted at the far sockets.
 */
final class RelayLoad {

    record Result(int calls, int seconds, long sent, long delivered, long relayReceived, long relayForwarded,
                  long relayDropped, double cpuCores, long relayThreadCpuNanos) {
    }

    /** CPU time so far of the relay's event loops (threads named pacer-rtp-…), in nanoseconds. */
    static long relayThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("pacer-rtp")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    static Result run(int calls, int seconds) throws Exception {
        return run(calls, seconds, null);
    }

    /**
     * As {@link #run(int, int)}; with {@code analyses} (one per call, or {@code null}) each customer port analyses
     * what it receives, and the customers send {@code audio}'s frames in turn instead of a constant payload.
     */
    static Result run(int calls, int seconds, io.pacer.sip.media.MediaAnalysis[] analyses, byte[]... audio)
            throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (RtpRelay relay = new RtpRelay("127.0.0.1", 20000, 31999, 1, new AnswerToBridgeMeter());
             DatagramChannel customers = open(lo);
             DatagramChannel agentPhones = open(lo)) {
            RelayPort[] c = new RelayPort[calls];
            RelayPort[] a = new RelayPort[calls];
            for (int i = 0; i < calls; i++) {
                c[i] = relay.open();
                a[i] = relay.open();
                c[i].remote((InetSocketAddress) customers.getLocalAddress());
                a[i].remote((InetSocketAddress) agentPhones.getLocalAddress());
                RelayPort.bridge(c[i], a[i]);
                if (analyses != null) {
                    c[i].analyse(analyses[i]);
                }
            }
            LongAdder delivered = new LongAdder();
            Thread r1 = receiver(customers, delivered);
            Thread r2 = receiver(agentPhones, delivered);
            long cpuBefore = os.getProcessCpuTime();
            long relayCpuBefore = relayThreadsCpuNanos();
            long start = System.nanoTime();
            long sent = sendFrames(seconds, calls, lo, customers, agentPhones, c, a, audio);
            double cpu = (os.getProcessCpuTime() - cpuBefore) / (double) (System.nanoTime() - start);
            // Under CPU contention the relay and the receivers may still be catching up: wait until nothing moves.
            long settled = -1;
            for (int i = 0; i < 100 && settled != delivered.sum(); i++) {
                settled = delivered.sum();
                Thread.sleep(200);
            }
            long relayCpu = relayThreadsCpuNanos() - relayCpuBefore;
            r1.interrupt();
            r2.interrupt();
            long dropped = relay.packetsNotBridged() + relay.packetsUnexpected() + relay.sendErrors();
            Result res = new Result(calls, seconds, sent, delivered.sum(), relay.packetsReceived(),
                    relay.packetsForwarded(), dropped, cpu, relayCpu);
            System.out.printf("relay: %d calls x %d s: sent %d delivered %d (lost %d) relay received %d forwarded %d"
                            + " dropped %d cpu %.2f cores%n", calls, seconds, sent, res.delivered(), sent - res.delivered(),
                    res.relayReceived(), res.relayForwarded(), dropped, cpu);
            return res;
        }
    }

    /** Sends {@code seconds} of 20 ms G.711 frames both ways on every call; returns the packets sent. */
    private static long sendFrames(int seconds, int calls, InetAddress lo, DatagramChannel customers,
            DatagramChannel agentPhones, RelayPort[] c, RelayPort[] a, byte[][] audio) throws IOException {
        long start = System.nanoTime();
        ByteBuffer packet = ByteBuffer.allocateDirect(172);
        long sent = 0;
        long frames = seconds * 50L;
        long perFrame = 2L * calls;
        long frameNanos = 20_000_000L;
        for (long f = 0; f < frames; f++) {
            long frameStart = start + f * frameNanos;
            for (int k = 0; k < perFrame; k++) {
                // Spread the frame's packets over its 20 ms, as real phones would be spread.
                long due = frameStart + k * frameNanos / perFrame;
                long wait = due - System.nanoTime();
                if (wait > 50_000) {
                    LockSupport.parkNanos(wait);
                }
                int call = k >> 1;
                boolean fromCustomer = (k & 1) == 0;
                packet.clear();
                packet.put((byte) 0x80).put((byte) 0).putShort((short) f).putInt((int) (f * 160)).putInt(call);
                if (fromCustomer && audio.length > 0) {
                    // Each call at its own place in the recording, so the analysers are not in lock-step.
                    packet.put(audio[(int) ((f + call) % audio.length)]);
                }
                packet.position(172).flip();
                (fromCustomer ? customers : agentPhones).send(packet,
                        new InetSocketAddress(lo, (fromCustomer ? c[call] : a[call]).port()));
                sent++;
            }
        }
        return sent;
    }

    private static DatagramChannel open(InetAddress lo) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        ch.bind(new InetSocketAddress(lo, 0));
        return ch;
    }

    private static Thread receiver(DatagramChannel ch, LongAdder delivered) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(2048);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    buf.clear();
                    if (ch.receive(buf) != null) {
                        delivered.increment();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "relay-load-receiver");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
