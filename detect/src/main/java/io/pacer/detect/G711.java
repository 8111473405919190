package io.pacer.detect;

/**
 * G.711 decoding (ITU-T G.711, µ-law and A-law) to 16-bit linear samples, by table: one array read per
 * sample, so the relay's event loop can decode a packet without arithmetic or allocation.
 */
public final class G711 {
    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW[i] = ulawToLinear(i);
            ALAW[i] = alawToLinear(i);
        }
    }

    private G711() {
    }

    /** The linear value of one µ-law byte. */
    public static short ulaw(byte code) {
        return ULAW[code & 0xFF];
    }

    /** The linear value of one A-law byte. */
    public static short alaw(byte code) {
        return ALAW[code & 0xFF];
    }

    /** Encodes a linear sample as µ-law; used to write test signals and corpus files, not on the hot path. */
    public static byte linearToUlaw(int sample) {
        final int bias = 0x84;
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32635) + bias;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** Encodes a linear sample as A-law; used to write test signals and corpus files, not on the hot path. */
    public static byte linearToAlaw(int sample) {
        int sign = sample >= 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32767) >> 3;
        int code;
        if (magnitude < 32) {
            code = magnitude >> 1;
        } else {
            int exponent = 1;
            while (magnitude >= 64 && exponent < 7) {
                magnitude >>= 1;
                exponent++;
            }
            code = (exponent << 4) | ((magnitude >> 1) & 0x0F);
        }
        return (byte) ((sign | code) ^ 0x55);
    }

    private static short ulawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static short alawToLinear(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
