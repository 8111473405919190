package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {
    @Test
    void decodesTheReferenceCodesOfBothLaws() {
        assertEquals(0, G711.ulaw((byte) 0xFF));
        assertEquals(-32124, G711.ulaw((byte) 0x00));
        assertEquals(32124, G711.ulaw((byte) 0x80));
        assertEquals(8, G711.alaw((byte) 0xD5));
        assertEquals(-8, G711.alaw((byte) 0x55));
        assertEquals(32256, G711.alaw((byte) 0xAA));
    }

    @Test
    void encodeThenDecodeStaysWithinTheLawsQuantisationStep() {
        for (int x = -32000; x <= 32000; x += 7) {
            int tolerance = Math.max(16, Math.abs(x) / 16);
            assertTrue(Math.abs(G711.ulaw(G711.linearToUlaw(x)) - x) <= tolerance, "µ-law " + x);
            assertTrue(Math.abs(G711.alaw(G711.linearToAlaw(x)) - x) <= tolerance, "A-law " + x);
        }
    }
}
