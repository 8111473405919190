package io.pacer.sip.media;

/**
 * G.711 encoding of single samples, only for the relay's built-in prompt: the relay itself never decodes or
 * encodes the audio it forwards.
 */
final class G711 {

    private G711() {
    }

    static byte linearToUlaw(int sample) {
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        sample = Math.min(sample, 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static byte linearToAlaw(int sample) {
        int sign = sample >= 0 ? 0x80 : 0;
        if (sample < 0) {
            sample = -sample;
        }
        sample = Math.min(sample, 32635);
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = exponent == 0 ? (sample >> 4) & 0x0F : (sample >> (exponent + 3)) & 0x0F;
        return (byte) ((sign | (exponent << 4) | mantissa) ^ 0x55);
    }
}
