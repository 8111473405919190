package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallProgressDetectorTest {
    private static final int LEVEL = 2000;

    private static CallAnalyser feedUlaw(Synth s) {
        CallAnalyser a = new CallAnalyser(AmdParameters.DEFAULT);
        byte[] payload = s.ulaw();
        for (int i = 0; i < payload.length; i += 160) {
            a.feedUlaw(payload, i, Math.min(160, payload.length - i));
        }
        a.finish();
        return a;
    }

    private static Synth announcement(Synth s) {
        return s.silence(100).speech(3000, 3000);
    }

    @Test
    void decodesTheFourNorthAmericanCodesFromTheirSegments() {
        assertEquals(Verdict.SIT_NO_CIRCUIT, Synth.analyse(announcement(new Synth().silence(300)
                .sit(985.2, 380, 1428.5, 380, LEVEL)).samples(), AmdParameters.DEFAULT).verdict());
        assertEquals(Verdict.SIT_INTERCEPT, Synth.analyse(announcement(new Synth().silence(300)
                .sit(913.8, 274, 1370.6, 274, LEVEL)).samples(), AmdParameters.DEFAULT).verdict());
        assertEquals(Verdict.SIT_VACANT, Synth.analyse(announcement(new Synth().silence(300)
                .sit(985.2, 380, 1370.6, 274, LEVEL)).samples(), AmdParameters.DEFAULT).verdict());
        assertEquals(Verdict.SIT_REORDER, Synth.analyse(announcement(new Synth().silence(300)
                .sit(913.8, 274, 1428.5, 380, LEVEL)).samples(), AmdParameters.DEFAULT).verdict());
    }

    @Test
    void decodesTheCodesThroughMuLawWithLineNoiseAndAQuietLevel() {
        Synth s = announcement(new Synth().silence(500).sit(913.8, 274, 1428.5, 380, 600)).noise(150);
        CallAnalyser a = feedUlaw(s);
        assertEquals(Verdict.SIT_REORDER, a.verdict());
        // Decided within the third segment: 500 + 274 + 380 + at most 380 ms.
        assertTrue(a.decisionMillis() > 1154 && a.decisionMillis() <= 1534, "decided at " + a.decisionMillis());
    }

    @Test
    void theItuToneIsAnotherSit() {
        Synth s = new Synth().silence(200).tone(950, 330, LEVEL).tone(1400, 330, LEVEL).tone(1800, 330, LEVEL);
        assertEquals(Verdict.SIT_OTHER, Synth.analyse(announcement(s).samples(), AmdParameters.DEFAULT).verdict());
    }

    @Test
    void segmentsOutOfOrderAreNoSit() {
        Synth s = new Synth().silence(200).tone(1428.5, 380, LEVEL).tone(985.2, 380, LEVEL).tone(1776.7, 380, LEVEL)
                .silence(3000);
        Verdict v = Synth.analyse(s.samples(), AmdParameters.DEFAULT).verdict();
        assertTrue(!v.name().startsWith("SIT"), "verdict " + v);
    }

    @Test
    void faxCallingAndAnswerTonesAreFax() {
        Synth cng = new Synth().silence(300).tone(1100, 500, LEVEL).silence(3000).tone(1100, 500, LEVEL);
        CallAnalyser a = Synth.analyse(cng.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.FAX, a.verdict());
        assertTrue(a.decisionMillis() < 800, "CNG decided at " + a.decisionMillis());
        Synth ced = new Synth().silence(300).tone(2100, 3000, LEVEL);
        assertEquals(Verdict.FAX, Synth.analyse(ced.samples(), AmdParameters.DEFAULT).verdict());
    }

    @Test
    void busyInEarlyMediaIsBusyAndFastBusyIsCongestion() {
        Synth busy = new Synth().silence(200);
        Synth fast = new Synth().silence(200);
        for (int i = 0; i < 4; i++) {
            busy.tones(500, LEVEL, 480, 620).silence(500);
            fast.tones(250, LEVEL, 480, 620).silence(250);
        }
        CallAnalyser a = Synth.analyse(busy.noise(100).samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.BUSY, a.verdict());
        // The second burst, 80 ms in: 200 + 1000 + 80 ms and the window's 40 ms.
        assertTrue(a.decisionMillis() >= 1280 && a.decisionMillis() <= 1360, "decided at " + a.decisionMillis());
        assertEquals(Verdict.CONGESTION, feedUlaw(fast).verdict());
    }

    @Test
    void ringbackBeforeTheAnswerIsNotTheGreeting() {
        // Without the hold, 2 s of ringback is 2 s of voice: MACHINE by greeting length.
        Synth human = new Synth().silence(100).tones(2000, LEVEL, 440, 480).silence(1500).speech(500, 3000)
                .silence(2000);
        CallAnalyser a = Synth.analyse(human.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        // Hello ends at 4100 ms; HUMAN 800 ms later, timed from the start of the recording.
        assertEquals(4900, a.decisionMillis());
        assertEquals(-1, a.beepMillis());
        // On a line whose noise is above the silence threshold the gap after the ring is still not the answer.
        Synth noisy = new Synth().silence(100).tones(2000, LEVEL, 440, 480).silence(3500).speech(500, 6000)
                .silence(2000).noise(700);
        CallAnalyser n = Synth.analyse(noisy.samples(), AmdParameters.CAUTIOUS);
        assertEquals(Verdict.HUMAN, n.verdict());
        assertTrue(Math.abs(n.decisionMillis() - 6900) <= 100, "decided at " + n.decisionMillis());
        Synth machine = new Synth().silence(100).tones(2000, LEVEL, 440, 480).silence(800).speech(3000, 3000);
        assertEquals(Verdict.MACHINE, Synth.analyse(machine.samples(), AmdParameters.DEFAULT).verdict());
        Synth sit = new Synth().tones(2000, LEVEL, 440, 480).silence(300).sit(985.2, 380, 1428.5, 380, LEVEL);
        assertEquals(Verdict.SIT_NO_CIRCUIT, Synth.analyse(announcement(sit).samples(), AmdParameters.DEFAULT).verdict());
    }

    @Test
    void aVoiceWhoseHarmonicsBrieflyFormTheDialTonePairIsNotRingback() {
        Synth hello = new Synth().silence(300).speech(300, 3000).tones(100, 3000, 350, 440).speech(200, 3000)
                .silence(2000);
        CallAnalyser a = Synth.analyse(hello.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertEquals(1700, a.decisionMillis());
    }

    @Test
    void aCallThatRingsAndIsAnsweredInSilenceIsSilenceAfterTheRingGap() {
        Synth s = new Synth().tones(2000, LEVEL, 440, 480).silence(9000);
        CallAnalyser a = Synth.analyse(s.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.SILENCE, a.verdict());
        // Ringback ends at 2 s, the ring gap allows 4.5 s, then 2.5 s of initial silence (± the window).
        assertTrue(Math.abs(a.decisionMillis() - 9000) <= 60, "decided at " + a.decisionMillis());
    }
}
