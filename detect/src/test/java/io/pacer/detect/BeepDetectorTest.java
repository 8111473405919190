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

    /** Feeds {@code samples} in 20 ms packets and returns, per packet, the analyser's beep end (-1 while none). */
    private static int[] beepEndsByPacket(short[] samples) {
        CallAnalyser a = new CallAnalyser(AmdParameters.DEFAULT);
        int[] ends = new int[(samples.length + 159) / 160];
        for (int p = 0; p < ends.length; p++) {
            a.feedLinear(samples, p * 160, Math.min(160, samples.length - p * 160));
            ends[p] = a.beepEndMillis();
        }
        return ends;
    }

    /** The first packet after which the beep's end is known, in ms of audio fed. */
    private static int knownAt(int[] ends) {
        for (int p = 0; p < ends.length; p++) {
            if (ends[p] >= 0) {
                return (p + 1) * Signal.FRAME_MILLIS;
            }
        }
        return -1;
    }

    @Test
    void theBeepEndsWhenItsToneStopsHoweverLongItLasts() {
        for (int beepMillis : new int[] {150, 300, 1000, 2000}) {
            Synth s = new Synth().silence(300).speech(2500, 3000).silence(400).tone(1000, beepMillis, 3000)
                    .silence(2000).noise(100);
            int end = 300 + 2500 + 400 + beepMillis;
            int[] ends = beepEndsByPacket(s.samples());
            int last = ends[ends.length - 1];
            assertTrue(Math.abs(last - end) <= 40, beepMillis + " ms beep: ended at " + last + ", really " + end);
            // Never known before the tone stops: a message started then would be recorded whole.
            int known = knownAt(ends);
            assertTrue(known >= end + 180 && known <= end + 260, beepMillis + " ms beep: end known at " + known);
        }
    }

    @Test
    void aBeepOfSeveralTonesEndsWithItsLastTone() {
        // Three rising tones back to back, and two tones with a 40 ms gap between them.
        Synth three = new Synth().silence(300).speech(2500, 3000).silence(400).tone(800, 150, 3000)
                .tone(1000, 150, 3000).tone(1400, 400, 3000).silence(2000);
        int[] ends = beepEndsByPacket(three.samples());
        assertEquals(3200 + 700, ends[ends.length - 1], 40.0);
        CallAnalyser a = Synth.analyse(three.samples(), AmdParameters.DEFAULT);
        assertEquals(3200, a.beepMillis(), 60.0, "starts with its first tone");
        Synth two = new Synth().silence(300).speech(2500, 3000).silence(400).tone(1400, 200, 3000).silence(40)
                .tone(1400, 200, 3000).silence(2000);
        int[] twoEnds = beepEndsByPacket(two.samples());
        assertEquals(3200 + 440, twoEnds[twoEnds.length - 1], 40.0);
        assertTrue(knownAt(twoEnds) >= 3640 + 180, "end known at " + knownAt(twoEnds));
    }

    @Test
    void aChimeInsideTheGreetingIsNotItsBeep() {
        // A voicemail that opens with a chime, speaks, then beeps: the message waits for the last beep.
        Synth s = new Synth().silence(300).tone(1200, 300, 3000).silence(100).speech(2500, 3000).silence(400)
                .tone(900, 600, 3000).silence(2000);
        int[] ends = beepEndsByPacket(s.samples());
        assertEquals(300 + 300 + 100 + 2500 + 400 + 600, ends[ends.length - 1], 40.0);
        assertEquals(3600, Synth.analyse(s.samples(), AmdParameters.DEFAULT).beepMillis(), 60.0);
    }

    @Test
    void aToneCutShortBySpeechHasNoEnd() {
        Synth s = new Synth().silence(300).speech(2000, 3000).tone(1000, 300, 3000).speech(1500, 3000).silence(100);
        int[] ends = beepEndsByPacket(s.samples());
        assertEquals(-1, ends[ends.length - 1]);
    }
}
