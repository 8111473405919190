package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Busy, congestion and ringback tones of the international plan (425 Hz, the UK's 400 Hz and 400 + 450 Hz) and
 * the North American one (480 + 620 Hz, 440 + 480 Hz), told apart by their cadence, on synthetic signals with
 * jittered timing, random levels, line noise, lost packets and both G.711 laws.
 */
class ProgressToneCadenceTest {
    private static final int LEVEL = 3000;

    /** {@code cycles} repetitions of the on/off pattern {@code onOff} (ms) of these tones, after a short lead. */
    private static Synth cadence(int cycles, double[] hz, int level, int... onOff) {
        Synth s = new Synth().silence(150);
        for (int c = 0; c < cycles; c++) {
            for (int i = 0; i < onOff.length; i += 2) {
                s.tones(onOff[i], level, hz).silence(onOff[i + 1]);
            }
        }
        return s;
    }

    private static Verdict verdict(Synth s) {
        return Synth.analyse(s.samples(), AmdParameters.DEFAULT).verdict();
    }

    @Test
    void theInternationalBusyTonesAreBusy() {
        CallAnalyser european = Synth.analyse(cadence(6, new double[] {425}, LEVEL, 500, 500).samples(),
                AmdParameters.DEFAULT);
        assertEquals(Verdict.BUSY, european.verdict());
        // Two cycles must agree: decided when the third burst is sure, 150 + 2 x 1000 + 80 ms and the window.
        assertTrue(european.decisionMillis() >= 2200 && european.decisionMillis() <= 2300,
                "decided at " + european.decisionMillis());
        assertEquals(Verdict.BUSY, verdict(cadence(6, new double[] {400}, LEVEL, 375, 375)));
        // Germany's 480/480 ms, 425 Hz a few hertz off.
        assertEquals(Verdict.BUSY, verdict(cadence(6, new double[] {431}, LEVEL, 480, 480)));
    }

    @Test
    void theInternationalCongestionTonesAreCongestion() {
        assertEquals(Verdict.CONGESTION, verdict(cadence(8, new double[] {425}, LEVEL, 250, 250)));
        assertEquals(Verdict.CONGESTION, verdict(cadence(8, new double[] {425}, LEVEL, 200, 200)));
        // The UK's equipment-engaged tone: 400 Hz, 0.4 on, 0.35 off, 0.225 on, 0.525 off.
        assertEquals(Verdict.CONGESTION, verdict(cadence(4, new double[] {400}, LEVEL, 400, 350, 225, 525)));
    }

    @Test
    void northAmericanBusyIsBusyAndReorderIsCongestion() {
        double[] pair = {480, 620};
        CallAnalyser busy = Synth.analyse(cadence(4, pair, LEVEL, 500, 500).noise(100).samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.BUSY, busy.verdict());
        // One cycle is enough for the pair: decided as the second burst is sure, 150 + 1000 + 80 ms and the window.
        assertTrue(busy.decisionMillis() >= 1200 && busy.decisionMillis() <= 1300, "decided at " + busy.decisionMillis());
        assertEquals(Verdict.CONGESTION, verdict(cadence(6, pair, LEVEL, 250, 250)));
        assertEquals(Verdict.CONGESTION, verdict(cadence(6, pair, LEVEL, 200, 300)));
    }

    /**
     * 70 calls: busy or congestion of each plan with every burst and gap jittered by up to ±15 %, a level from
     * -45 to -9 dBFS, white noise 12 dB or more below the tone, 2 % of packets lost, µ-law or A-law. Every one is
     * told apart, and each within four cycles.
     */
    @Test
    void cadencesAreToldApartThroughJitterNoiseLevelsLossAndG711() {
        Random random = new Random(425);
        int[][] patterns = {{500, 500}, {375, 375}, {480, 480}, {250, 250}, {200, 200}, {500, 500}, {250, 250}};
        double[][] tones = {{425}, {400}, {425}, {425}, {425}, {480, 620}, {480, 620}};
        Verdict[] expected = {Verdict.BUSY, Verdict.BUSY, Verdict.BUSY, Verdict.CONGESTION, Verdict.CONGESTION,
            Verdict.BUSY, Verdict.CONGESTION};
        int wrong = 0;
        StringBuilder misses = new StringBuilder();
        for (int call = 0; call < 70; call++) {
            int k = call % patterns.length;
            int level = (int) Math.round(180 * Math.pow(10, random.nextDouble() * 36 / 20));
            Synth s = new Synth().silence(100 + random.nextInt(400));
            for (int cycle = 0; cycle < 6; cycle++) {
                s.tones(jitter(patterns[k][0], random), level, tones[k]).silence(jitter(patterns[k][1], random));
            }
            s.noise((int) (level / 4.0 * random.nextDouble()));
            boolean ulaw = random.nextBoolean();
            byte[] g711 = ulaw ? s.ulaw() : s.alaw();
            CallAnalyser a = new CallAnalyser(AmdParameters.DEFAULT);
            for (int i = 0; i < g711.length; i += 160) {
                if (random.nextDouble() >= 0.02) {
                    if (ulaw) {
                        a.feedUlaw(g711, i, Math.min(160, g711.length - i));
                    } else {
                        a.feedAlaw(g711, i, Math.min(160, g711.length - i));
                    }
                }
            }
            a.finish();
            int cycleMillis = patterns[k][0] + patterns[k][1];
            if (a.verdict() != expected[k] || a.decisionMillis() > 600 + 4 * cycleMillis * 115 / 100) {
                wrong++;
                misses.append(Arrays.toString(tones[k])).append(' ').append(Arrays.toString(patterns[k])).append(" level ")
                        .append(level).append(": ").append(a.verdict()).append(" at ").append(a.decisionMillis()).append('\n');
            }
        }
        assertEquals(0, wrong, misses.toString());
    }

    private static int jitter(int millis, Random random) {
        return (int) Math.round(millis * (0.85 + 0.3 * random.nextDouble()));
    }

    @Test
    void ringbackOfEitherPlanIsNotTheAnswer() {
        // 425 Hz, 1 s on, 4 s off, twice, then "Hello?": a person, decided 800 ms after the hello.
        Synth european = cadence(2, new double[] {425}, LEVEL, 1000, 4000).silence(300).speech(500, 3000).silence(2000);
        CallAnalyser a = Synth.analyse(european.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, a.verdict());
        assertEquals(150 + 10000 + 300 + 500 + 800, a.decisionMillis(), 20);
        assertEquals(-1, a.beepMillis(), "a 425 Hz ring is no beep");
        // The UK's 400 + 450 Hz, 0.4 on, 0.2 off, 0.4 on, 2 s off.
        Synth uk = cadence(2, new double[] {400, 450}, LEVEL, 400, 200, 400, 2000).silence(300).speech(500, 3000)
                .silence(2000);
        CallAnalyser b = Synth.analyse(uk.samples(), AmdParameters.DEFAULT);
        assertEquals(Verdict.HUMAN, b.verdict());
        assertEquals(150 + 6000 + 300 + 500 + 800, b.decisionMillis(), 20);
        Synth machine = cadence(1, new double[] {425}, LEVEL, 1000, 4000).silence(300).speech(3000, 3000);
        assertEquals(Verdict.MACHINE, verdict(machine));
    }

    @Test
    void aToneThatKeepsNoBusyRhythmIsNeitherBusyNorCongestion() {
        // A long 425 Hz beep after a greeting, a single burst, and bursts with speech in their gaps.
        assertEquals(Verdict.MACHINE, verdict(new Synth().silence(300).speech(2500, 3000).silence(300)
                .tone(425, 2000, LEVEL).silence(2000)));
        Synth talkOver = new Synth().silence(300);
        for (int i = 0; i < 6; i++) {
            talkOver.tone(425, 500, LEVEL).speech(500, 3000);
        }
        Verdict v = verdict(talkOver);
        assertTrue(v != Verdict.BUSY && v != Verdict.CONGESTION, "verdict " + v);
        // A 440 Hz beep is not the 425 Hz tone.
        CallAnalyser beep = Synth.analyse(new Synth().silence(300).speech(2500, 3000).silence(300).tone(440, 500, LEVEL)
                .silence(1000).samples(), AmdParameters.DEFAULT);
        assertTrue(Math.abs(beep.beepMillis() - 3100) <= 60, "beep at " + beep.beepMillis());
    }
}
