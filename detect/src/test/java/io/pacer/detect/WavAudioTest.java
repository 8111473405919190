package io.pacer.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavAudioTest {
    private final short[] tone = new Synth().tone(1000, 100, 5000).samples();

    @Test
    void readsBackEveryAcceptedEncoding() {
        assertArrayEquals(tone, WavAudio.parse(WavAudio.write(tone, WavAudio.Encoding.PCM16)).samples());
        WavAudio ulaw = WavAudio.parse(WavAudio.write(tone, WavAudio.Encoding.ULAW));
        assertEquals(WavAudio.Encoding.ULAW, ulaw.encoding());
        assertEquals(tone.length, ulaw.samples().length);
        assertTrue(Math.abs(ulaw.samples()[10] - tone[10]) <= 5000 / 16);
        assertEquals(WavAudio.Encoding.ALAW, WavAudio.parse(WavAudio.write(tone, WavAudio.Encoding.ALAW)).encoding());
    }

    @Test
    void refusesWhatItCannotAnalyseAndSaysWhy() {
        assertTrue(refusal(new byte[] {1, 2, 3}).contains("not a WAV file"));
        assertTrue(refusal(patched(22, (short) 2)).contains("2 channels"));
        assertTrue(refusal(patchedInt(24, 16000)).contains("16000 Hz"));
        assertTrue(refusal(patched(20, (short) 3)).contains("floating point"));
        assertTrue(refusal(patched(34, (short) 8)).contains("8-bit PCM"));
    }

    private byte[] patched(int at, short value) {
        byte[] wav = WavAudio.write(tone, WavAudio.Encoding.PCM16);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(at, value);
        return wav;
    }

    private byte[] patchedInt(int at, int value) {
        byte[] wav = WavAudio.write(tone, WavAudio.Encoding.PCM16);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return wav;
    }

    private static String refusal(byte[] wav) {
        return assertThrows(IllegalArgumentException.class, () -> WavAudio.parse(wav)).getMessage();
    }
}
