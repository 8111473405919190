package io.pacer.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pacer.detect.AmdParameters;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.core.EngineEvent;
import io.pacer.engine.core.EventType;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.core.TranslatingEngineInput;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's per-call analysis: what it publishes, when, and that a packet costs no allocation. */
class MediaAnalysisTest {

    private final List<String> events = new ArrayList<>();
    private long published;
    private boolean describe = true;

    /** Takes each event through the same translators the core's ring uses, into one reused slot. */
    private final TranslatingEngineInput input = new TranslatingEngineInput(SystemClock.INSTANCE) {
        private final EngineEvent slot = new EngineEvent();

        @Override
        protected long claim() {
            return 0;
        }

        @Override
        protected EngineEvent slot(long sequence) {
            return slot;
        }

        @Override
        protected void publish(long sequence) {
            if (slot.type == EventType.CALL_CLASSIFIED) {
                published++;
                if (describe) {
                    events.add(slot.callId + " " + slot.amdVerdict + " " + slot.amdDecisionMillis);
                }
            }
        }
    };

    /** 20 ms RTP/PCMU packets of {@code samples}, with a CSRC and a header extension to skip. */
    private static List<ByteBuf> packets(short[] samples) {
        List<ByteBuf> out = new ArrayList<>();
        for (int p = 0; p * 160 < samples.length; p++) {
            ByteBuf b = Unpooled.buffer(12 + 4 + 8 + 160);
            b.writeByte(0x80 | 0x10 | 1).writeByte(0).writeShort(p).writeInt(p * 160).writeInt(7);
            b.writeInt(99);
            b.writeShort(0xbede).writeShort(1).writeInt(0);
            for (int i = 0; i < 160; i++) {
                int s = p * 160 + i;
                b.writeByte(G711.linearToUlaw(s < samples.length ? samples[s] : 0));
            }
            out.add(b);
        }
        return out;
    }

    private static short[] tones(short[] before, int millis, double... hz) {
        short[] out = java.util.Arrays.copyOf(before, before.length + millis * 8);
        for (int i = 0; i < millis * 8; i++) {
            double v = 0;
            for (double f : hz) {
                v += Math.sin(2 * Math.PI * f * i / 8000.0);
            }
            out[before.length + i] = (short) (hz.length == 0 ? 0 : 6000 * v / hz.length);
        }
        return out;
    }

    private static short[] vacantSit() {
        short[] s = tones(new short[0], 200);
        s = tones(s, 380, 985.2);
        s = tones(s, 274, 1370.6);
        s = tones(s, 380, 1776.7);
        return tones(s, 1000);
    }

    @Test
    void aSitInEarlyMediaIsPublishedOnceWithItsTime() {
        MediaAnalysis a = new MediaAnalysis(42, AmdParameters.CAUTIOUS, input);
        for (ByteBuf b : packets(vacantSit())) {
            a.packet(b);
        }
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("42 " + AmdVerdict.SIT_VACANT + " "), events.toString());
    }

    @Test
    void silenceBeforeTheAnswerIsNotAVerdictButAfterItIs() {
        MediaAnalysis a = new MediaAnalysis(7, AmdParameters.CAUTIOUS, input);
        List<ByteBuf> quiet = packets(tones(new short[0], 4000));
        for (ByteBuf b : quiet) {
            a.packet(b);
        }
        assertTrue(events.isEmpty(), "early media decides only call progress: " + events);
        a.answered();
        for (ByteBuf b : quiet) {
            a.packet(b);
        }
        // Counted from the answer: the cautious preset's 3 s of initial silence.
        assertEquals(List.of("7 SILENCE 3000"), events);
    }

    @Test
    void theMessageIsDueOnlyOnceALongBeepOfTwoTonesHasEnded() {
        MediaAnalysis a = new MediaAnalysis(9, AmdParameters.CAUTIOUS, input);
        a.answered();
        a.awaitBeep();
        // 500 ms of silence, a 300 ms tone at 1400 Hz then 1.5 s at 1 kHz: the beep ends 2.3 s in.
        short[] call = tones(tones(tones(tones(new short[0], 500), 300, 1400), 1500, 1000), 1000);
        List<ByteBuf> all = packets(call);
        int beepEndMillis = 2300;
        int dueAtMillis = -1;
        for (int p = 0; p < all.size() && dueAtMillis < 0; p++) {
            a.packet(all.get(p));
            if (a.messageDue()) {
                dueAtMillis = (p + 1) * 20;
            }
        }
        // Never while the beep sounds (a start-plus-600-ms rule would say 1.4 s), and within 300 ms of its end.
        assertTrue(dueAtMillis >= beepEndMillis + 180 && dueAtMillis <= beepEndMillis + 300, "due at " + dueAtMillis);
    }

    @Test
    void feedingPacketsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<ByteBuf> call = packets(vacantSit());
        MediaAnalysis[] calls = new MediaAnalysis[300];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new MediaAnalysis(i, AmdParameters.DEFAULT, input);
            calls[i].awaitBeep();
        }
        for (int i = 0; i < 100; i++) {
            play(calls[i], call);
        }
        describe = false;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 100; i < calls.length; i++) {
            play(calls[i], call);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(calls.length, published, "every call's verdict was published");
        // 200 calls of 113 packets each, every verdict published: anything per packet would show as kilobytes.
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
    }

    private static void play(MediaAnalysis a, List<ByteBuf> call) {
        // Indexed: an iterator per call would be the test's own allocation.
        for (int i = 0; i < call.size(); i++) {
            a.packet(call.get(i));
        }
    }
}
