package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CallAnalyserTest {
    @Test
    void feedingPacketsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] call = new Synth().silence(300).speech(700, 3000).silence(400).sit(913.8, 274, 1370.6, 274, 2000)
                .tone(1000, 300, 3000).noise(200).alaw();
        CallAnalyser a = new CallAnalyser(AmdParameters.DEFAULT);
        for (int warm = 0; warm < 200; warm++) {
            playAlaw(a, call);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 100; round++) {
            playAlaw(a, call);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 100 calls of 2.1 s, 1,300 packets: anything per packet would show as kilobytes.
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
    }

    private static void playAlaw(CallAnalyser a, byte[] call) {
        a.reset();
        for (int i = 0; i < call.length; i += 160) {
            a.feedAlaw(call, i, Math.min(160, call.length - i));
        }
    }

    @Test
    void resetGivesTheSameVerdictForTheSameCall() {
        byte[] call = new Synth().silence(300).speech(500, 3000).silence(1500).ulaw();
        CallAnalyser a = new CallAnalyser(AmdParameters.DEFAULT);
        a.feedUlaw(call, 0, call.length);
        assertEquals(Verdict.HUMAN, a.verdict());
        int first = a.decisionMillis();
        a.reset();
        assertEquals(Verdict.PENDING, a.verdict());
        a.feedUlaw(call, 0, call.length);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertEquals(first, a.decisionMillis());
    }

    @Test
    void packetSizeDoesNotChangeTheVerdictOrItsTime() {
        short[] call = new Synth().silence(300).speech(900, 3000).silence(100).speech(900, 3000).silence(800)
                .samples();
        CallAnalyser whole = new CallAnalyser(AmdParameters.DEFAULT);
        whole.feedLinear(call, 0, call.length);
        CallAnalyser odd = new CallAnalyser(AmdParameters.DEFAULT);
        for (int i = 0; i < call.length; i += 37) {
            odd.feedLinear(call, i, Math.min(37, call.length - i));
        }
        assertEquals(Verdict.MACHINE, whole.verdict());
        assertEquals(whole.verdict(), odd.verdict());
        assertEquals(whole.decisionMillis(), odd.decisionMillis());
    }
}
