package io.pacer.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A WAV file's audio as this package accepts it: 8 kHz, mono, 16-bit PCM or G.711 µ-law / A-law (also inside
 * WAVE_FORMAT_EXTENSIBLE). Parsed from bytes already read, so the package stays free of I/O; anything else is
 * refused with a message that names the problem.
 *
 * @param encoding how the samples were stored
 * @param samples  the audio as 16-bit linear samples
 */
public record WavAudio(Encoding encoding, short[] samples) {

    /** How a WAV file stores its samples. */
    public enum Encoding {
        /** 16-bit signed little-endian PCM. */
        PCM16,
        /** G.711 µ-law, one byte a sample. */
        ULAW,
        /** G.711 A-law, one byte a sample. */
        ALAW
    }

    /** Copies the samples so the record owns its array. */
    public WavAudio {
        samples = samples.clone();
    }

    /** Parses a WAV file; throws IllegalArgumentException naming what is wrong with it. */
    public static WavAudio parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
        }
        Encoding encoding = null;
        int position = 12;
        while (position + 8 <= file.length) {
            int id = b.getInt(position);
            long size = Integer.toUnsignedLong(b.getInt(position + 4));
            int body = position + 8;
            if (id == 0x20746d66) {
                encoding = format(b, body, size);
            } else if (id == 0x61746164) {
                if (encoding == null) {
                    throw new IllegalArgumentException("the data chunk comes before any fmt chunk");
                }
                int length = (int) Math.min(size, file.length - body);
                return new WavAudio(encoding, decode(b, body, length, encoding));
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IllegalArgumentException(encoding == null ? "no fmt chunk" : "no data chunk");
    }

    private static Encoding format(ByteBuffer b, int body, long size) {
        if (size < 16) {
            throw new IllegalArgumentException("fmt chunk too short (" + size + " bytes)");
        }
        int tag = b.getShort(body) & 0xFFFF;
        int channels = b.getShort(body + 2);
        int rate = b.getInt(body + 4);
        int bits = b.getShort(body + 14);
        if (tag == 0xFFFE && size >= 40) {
            tag = b.getShort(body + 24) & 0xFFFF;
        }
        if (channels != 1) {
            throw new IllegalArgumentException(channels + " channels; only mono is accepted");
        }
        if (rate != Signal.SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("sample rate " + rate + " Hz; only 8000 Hz is accepted");
        }
        return switch (tag) {
            case 1 -> {
                if (bits != 16) {
                    throw new IllegalArgumentException(bits + "-bit PCM; only 16-bit PCM is accepted");
                }
                yield Encoding.PCM16;
            }
            case 6 -> Encoding.ALAW;
            case 7 -> Encoding.ULAW;
            default -> throw new IllegalArgumentException("audio format " + tag
                    + " (" + (tag == 3 ? "floating point" : "unknown") + "); only PCM 16-bit, µ-law and A-law are accepted");
        };
    }

    private static short[] decode(ByteBuffer b, int body, int length, Encoding encoding) {
        if (encoding == Encoding.PCM16) {
            short[] out = new short[length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getShort(body + 2 * i);
            }
            return out;
        }
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            byte code = b.get(body + i);
            out[i] = encoding == Encoding.ULAW ? G711.ulaw(code) : G711.alaw(code);
        }
        return out;
    }

    /** The audio's samples (a copy). */
    @Override
    public short[] samples() {
        return samples.clone();
    }

    /** Writes 16-bit linear samples as 8 kHz mono WAV bytes in the given encoding (tests and tools). */
    public static byte[] write(short[] samples, Encoding encoding) {
        int bytesPerSample = encoding == Encoding.PCM16 ? 2 : 1;
        int dataLength = samples.length * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + dataLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataLength).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16);
        b.putShort((short) (encoding == Encoding.PCM16 ? 1 : encoding == Encoding.ALAW ? 6 : 7));
        b.putShort((short) 1).putInt(Signal.SAMPLE_RATE_HZ).putInt(Signal.SAMPLE_RATE_HZ * bytesPerSample);
        b.putShort((short) bytesPerSample).putShort((short) (8 * bytesPerSample));
        b.putInt(0x61746164).putInt(dataLength);
        for (short s : samples) {
            switch (encoding) {
                case PCM16 -> b.putShort(s);
                case ULAW -> b.put(G711.linearToUlaw(s));
                case ALAW -> b.put(G711.linearToAlaw(s));
                default -> throw new IllegalStateException();
            }
        }
        return b.array();
    }
}
