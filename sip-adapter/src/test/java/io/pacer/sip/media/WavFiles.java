package io.pacer.sip.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** WAV files built in memory, for tests of the abandon prompt. */
public final class WavFiles {

    private WavFiles() {
    }

    /** A WAV file: a fmt chunk with these fields, then a data chunk holding {@code data}. */
    public static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.putInt(0x61746164).putInt(data.length).put(data);
        return b.array();
    }

    /** 16-bit little-endian linear PCM samples. */
    public static byte[] pcm16(short... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }
}
