package io.pacer.sip.media;

/**
 * G.711 coding of single samples, only for the relay's prompts (the built-in tone, a recorded prompt file): the
 * relay itself never decodes or encodes the audio it forwards.
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

    static int ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << exponent;
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    static int alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
