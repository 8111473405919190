package io.pacer.benchmarks.sip;

import io.pacer.detect.AmdParameters;
import io.pacer.detect.G711;
import io.pacer.engine.core.EngineEvent;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.core.TranslatingEngineInput;
import io.pacer.sip.media.MediaAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The relay with answering-machine detection on every call against the relay alone (docs/amd.md, "Cost on the
 * relay"): the same load ({@link RelayLoad}: bridged calls, 20 ms PCMU both ways) twice, first with no analysis,
 * then with a {@link MediaAnalysis} on every customer port that never stops (it waits for a beep that never
 * comes, the worst case: a real call stops analysing at its verdict). Customers send a speech-like recording.
 * Also the analysis alone on one thread: nanoseconds per 20 ms packet. Writes a markdown section to the file
 * named last. Usage: {@code RelayAmdBenchmark CALLS SECONDS OUT.md} (benchmarks/relay-amd.sh).
 */
public final class RelayAmdBenchmark {

    private RelayAmdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        byte[][] audio = speech(4_000);
        double nanosPerPacket = analysisNanosPerPacket(audio);
        RelayLoad.Result off = RelayLoad.run(calls, seconds, null, audio);
        Counting input = new Counting();
        MediaAnalysis[] analyses = new MediaAnalysis[calls];
        for (int i = 0; i < calls; i++) {
            analyses[i] = new MediaAnalysis(i, AmdParameters.CAUTIOUS, input);
            analyses[i].answered();
            analyses[i].awaitBeep();
        }
        RelayLoad.Result on = RelayLoad.run(calls, seconds, analyses, audio);
        String md = report(calls, seconds, nanosPerPacket, off, on, input.classified);
        System.out.print(md);
        Files.writeString(out, md);
    }

    private static String report(int calls, int seconds, double nanosPerPacket, RelayLoad.Result off, RelayLoad.Result on,
                                 long verdicts) {
        StringBuilder b = new StringBuilder();
        b.append("| AMD | calls | seconds | packets sent | delivered | lost | relay event loop CPU per packet (us) "
                + "| JVM CPU (cores) |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(b, "off", off);
        row(b, "on, every call, never stops", on);
        b.append(String.format(Locale.ROOT, "%nRelay event loop CPU per packet, on/off: **%.2f** (one run each, "
                + "indicative: the machine is shared). Verdicts published during the run: %d.%n",
                perPacketMicros(on) / perPacketMicros(off), verdicts));
        b.append(String.format(Locale.ROOT, "Analysis alone, one thread's CPU time: **%.0f ns per 20 ms packet** (%.1f us of "
                + "CPU per call-second at 50 packets/s); one core analyses about %,d calls at once.%n",
                nanosPerPacket, nanosPerPacket * 50 / 1000, (long) (1e9 / (nanosPerPacket * 50))));
        return b.toString();
    }

    private static void row(StringBuilder b, String amd, RelayLoad.Result r) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f | %.2f |%n", amd, r.calls(),
                r.seconds(), r.sent(), r.delivered(), r.sent() - r.delivered(), perPacketMicros(r), r.cpuCores()));
    }

    /** The relay's event loop CPU per packet it received, in microseconds. */
    private static double perPacketMicros(RelayLoad.Result r) {
        return r.relayThreadCpuNanos() / 1000.0 / Math.max(1, r.relayReceived());
    }

    /** One analysis fed packets on this thread: warmed up, then timed. */
    private static double analysisNanosPerPacket(byte[][] audio) {
        io.netty.buffer.ByteBuf[] packets = new io.netty.buffer.ByteBuf[audio.length];
        for (int i = 0; i < audio.length; i++) {
            packets[i] = io.netty.buffer.Unpooled.buffer(172).writeByte(0x80).writeByte(0).writeShort(i)
                    .writeInt(i * 160).writeInt(1).writeBytes(audio[i]);
        }
        MediaAnalysis a = new MediaAnalysis(1, AmdParameters.CAUTIOUS, new Counting());
        a.answered();
        a.awaitBeep();
        for (int round = 0; round < 50; round++) {
            feed(a, packets);
        }
        int rounds = 200;
        // Thread CPU time, not wall time: on a shared machine the wall clock also counts the other processes.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            feed(a, packets);
        }
        return (threads.getCurrentThreadCpuTime() - start) / (double) (rounds * packets.length);
    }

    private static void feed(MediaAnalysis a, io.netty.buffer.ByteBuf[] packets) {
        for (io.netty.buffer.ByteBuf p : packets) {
            a.packet(p);
        }
    }

    /** 20 ms PCMU frames of a speech stand-in: words of voiced harmonics with pauses between, {@code millis} long. */
    static byte[][] speech(int millis) {
        int frames = millis / 20;
        byte[][] out = new byte[frames][160];
        double phase = 0;
        for (int n = 0; n < frames * 160; n++) {
            boolean word = (n / 8 % 700) < 450;
            double pitch = 110 + 25 * Math.sin(2 * Math.PI * 3 * n / 8000.0);
            phase += 2 * Math.PI * pitch / 8000.0;
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(h * phase) / h;
            }
            out[n / 160][n % 160] = G711.linearToUlaw(word ? (int) (3000 * v) : 0);
        }
        return out;
    }

    /** Counts the verdicts the analyses publish, as the engine's ring would receive them. */
    private static final class Counting extends TranslatingEngineInput {
        private final EngineEvent slot = new EngineEvent();
        volatile long classified;

        Counting() {
            super(SystemClock.INSTANCE);
        }

        @Override
        protected synchronized long claim() {
            return 0;
        }

        @Override
        protected EngineEvent slot(long sequence) {
            return slot;
        }

        @Override
        protected synchronized void publish(long sequence) {
            classified++;
        }
    }
}
