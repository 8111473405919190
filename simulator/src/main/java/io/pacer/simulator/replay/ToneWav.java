package io.pacer.simulator.replay;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A WAV file of G.711 µ-law, 8 kHz mono: a quiet 440 Hz tone for the agents' phones' RTP stream (SIPp's
 * {@code rtp_stream} plays it in a loop), so the dialler's relay has audio to forward.
 */
final class ToneWav {
    private ToneWav() {
    }

    /** {@code millis} of tone as a complete WAV file. */
    static byte[] bytes(int millis) {
        int samples = millis * 8;
        ByteBuffer b = ByteBuffer.allocate(58 + samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(50 + samples).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(18).putShort((short) 7).putShort((short) 1).putInt(8000).putInt(8000)
                .putShort((short) 1).putShort((short) 8).putShort((short) 0);
        b.put("fact".getBytes()).putInt(4).putInt(samples);
        b.put("data".getBytes()).putInt(samples);
        for (int i = 0; i < samples; i++) {
            b.put(ulaw((int) (2000 * Math.sin(2 * Math.PI * 440 * i / 8000.0))));
        }
        return b.array();
    }

    /** G.711 µ-law of a 16-bit sample. */
    static byte ulaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int x = Math.min(Math.abs(sample), 32635) + 132;
        int exponent = 7;
        for (int mask = 0x4000; (x & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (x >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
