package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeepDetectorTest {
    @Test
    void findsTheBeepAfterAGreetingAtAnyFrequencyInRange() {
        for (double hz : new double[] {440, 850, 1000, 1400, 1950}) {
            Synth s = new Synth().silence(300).speech(2500, 3000).silence(200).tone(hz, 250, 3000).silence(500)
                    .noise(100);
            CallAnalyser a = Synth.analyse(s.samples(), AmdParameters.DEFAULT);
            assertEquals(Verdict.MACHINE, a.verdict(), hz + " Hz");
            int beepAt = 3000;
            assertTrue(Math.abs(a.beepMillis() - beepAt) <= 60, hz + " Hz beep at " + a.beepMillis());
        }
    }

    @Test
    void speechNoiseAndShortBlipsAreNoBeep() {
        Synth s = new Synth().silence(300).speech(3000, 3000).tone(1000, 60, 3000).silence(1000).noise(500);
        assertEquals(-1, Synth.analyse(s.samples(), AmdParameters.DEFAULT).beepMillis());
    }

    @Test
    void toneOutsideTheBeepBandIsNoBeep() {
        Synth s = new Synth().silence(300).tone(300, 500, 3000).tone(2600, 500, 3000).silence(1000);
        assertEquals(-1, Synth.analyse(s.samples(), AmdParameters.DEFAULT).beepMillis());
    }
}
