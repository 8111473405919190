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
    void busyToneIsNeitherSitNorFax() {
        Synth busy = new Synth();
        for (int i = 0; i < 5; i++) {
            busy.tones(500, LEVEL, 480, 620).silence(500);
        }
        Verdict v = Synth.analyse(busy.samples(), AmdParameters.DEFAULT).verdict();
        assertNotEquals(Verdict.FAX, v);
        assertTrue(!v.name().startsWith("SIT"), "verdict " + v);
    }
}
