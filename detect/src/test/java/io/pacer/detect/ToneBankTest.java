package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneBankTest {
    private final ToneBank bank = new ToneBank(913.8, 985.2, 1370.6, 1428.5);

    @Test
    void tellsTheTwoFirstSegmentFrequenciesApart() {
        bank.analyse(new Synth().tone(913.8, 40, 4000).samples(), 0, 320);
        assertEquals(913.8, bank.frequencyHz(bank.strongest()));
        assertTrue(bank.purity() > 0.9, "purity " + bank.purity());
        bank.analyse(new Synth().tone(985.2, 40, 4000).samples(), 0, 320);
        assertEquals(985.2, bank.frequencyHz(bank.strongest()));
        bank.analyse(new Synth().tone(1428.5, 40, 4000).samples(), 0, 320);
        assertEquals(1428.5, bank.frequencyHz(bank.strongest()));
    }

    @Test
    void speechAndNoiseAreNotPureTones() {
        bank.analyse(new Synth().speech(40, 4000).samples(), 0, 320);
        assertTrue(bank.purity() < 0.5, "speech purity " + bank.purity());
        bank.analyse(new Synth().silence(40).noise(4000).samples(), 0, 320);
        assertTrue(bank.purity() < 0.1, "noise purity " + bank.purity());
    }

    @Test
    void readsTheWindowAcrossTheRingsEnd() {
        short[] tone = new Synth().tone(1370.6, 40, 4000).samples();
        short[] ring = new short[320];
        for (int i = 0; i < 320; i++) {
            ring[(i + 200) % 320] = tone[i];
        }
        bank.analyse(ring, 200, 320);
        assertEquals(1370.6, bank.frequencyHz(bank.strongest()));
        assertTrue(bank.purity() > 0.9);
    }
}
