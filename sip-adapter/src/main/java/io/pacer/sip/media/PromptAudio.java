package io.pacer.sip.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A recorded prompt (the identification message played to an abandoned customer), read once when the
 * configuration is loaded and kept as 20 ms G.711 frames in the codec the relay offers, so that playing it is
 * sending ready-made frames.
 *
 * <p>The file must be a WAV file at 8000 Hz, mono, either 16-bit linear PCM (encoded here) or already G.711
 * µ-law or A-law (8-bit; converted if it is the other law). Anything else is refused with a message naming the
 * file and what is wrong with it: a prompt that would play as noise is better found at start than by a
 * customer.
 */
public final class PromptAudio {

    /** Samples in one 20 ms RTP frame at 8000 Hz. */
    public static final int FRAME_SAMPLES = 160;
    private static final int WAVE_PCM = 1;
    private static final int WAVE_ALAW = 6;
    private static final int WAVE_ULAW = 7;

    private final Path file;
    private final int payloadType;
    private final byte[][] frames;

    private PromptAudio(Path file, int payloadType, byte[][] frames) {
        this.file = file;
        this.payloadType = payloadType;
        this.frames = frames;
    }

    /**
     * Reads and encodes a WAV prompt for the relay's codec.
     *
     * @param file  the WAV file
     * @param codec "PCMU" or "PCMA": the law the frames are encoded in
     * @throws IllegalArgumentException naming the file and the problem (missing, not WAV, wrong rate or channels,
     *                                  unsupported encoding, no audio)
     */
    public static PromptAudio load(Path file, String codec) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(file, "no such file");
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getMessage() + ")");
        }
        boolean ulaw = !"PCMA".equals(codec);
        return new PromptAudio(file, ulaw ? 0 : 8, frame(encode(file, bytes, ulaw), ulaw));
    }

    /**
     * Encodes a WAV prompt held in memory (a campaign's uploaded message) for the relay's codec.
     *
     * @param name the recording's name, shown in problems and by {@link #file()}
     * @throws IllegalArgumentException as {@link #load}
     */
    public static PromptAudio of(String name, byte[] wav, String codec) {
        Path file = Path.of(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        boolean ulaw = !"PCMA".equals(codec);
        return new PromptAudio(file, ulaw ? 0 : 8, frame(encode(file, wav, ulaw), ulaw));
    }

    /** The G.711 samples of the file's audio, in the wanted law. */
    private static byte[] encode(Path file, byte[] bytes, boolean ulaw) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw problem(file, "not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int bits = 0;
        int dataAt = -1;
        int dataLength = 0;
        int at = 12;
        // Chunks in any order; each is id, little-endian length, body padded to an even length.
        while (at + 8 <= bytes.length) {
            int id = b.getInt(at);
            int length = b.getInt(at + 4);
            int body = at + 8;
            if (length < 0 || body + length > bytes.length) {
                length = bytes.length - body;
            }
            if (id == 0x20746d66 && length >= 16) {
                format = b.getShort(body) & 0xFFFF;
                int channels = b.getShort(body + 2) & 0xFFFF;
                int rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (rate != 8000) {
                    throw problem(file, "sample rate " + rate + " Hz, needs 8000 Hz");
                }
                if (channels != 1) {
                    throw problem(file, channels + " channels, needs mono");
                }
            } else if (id == 0x61746164) {
                dataAt = body;
                dataLength = length;
            }
            at = body + length + (length & 1);
        }
        if (format < 0) {
            throw problem(file, "WAV file without a fmt chunk");
        }
        boolean pcm16 = format == WAVE_PCM && bits == 16;
        boolean g711 = (format == WAVE_ULAW || format == WAVE_ALAW) && bits == 8;
        if (!pcm16 && !g711) {
            throw problem(file, "WAV format " + format + " with " + bits + " bits per sample, needs 16-bit linear PCM "
                    + "(format 1), G.711 A-law (6) or mu-law (7)");
        }
        int samples = pcm16 ? dataLength / 2 : dataLength;
        if (dataAt < 0 || samples == 0) {
            throw problem(file, "no audio (empty or missing data chunk)");
        }
        return toLaw(b, dataAt, samples, pcm16 ? WAVE_PCM : format, ulaw);
    }

    /** {@code samples} samples at {@code dataAt} in WAV format {@code format}, as G.711 in the wanted law. */
    private static byte[] toLaw(ByteBuffer b, int dataAt, int samples, int format, boolean ulaw) {
        byte[] out = new byte[samples];
        for (int i = 0; i < samples; i++) {
            if (format != WAVE_PCM && (format == WAVE_ULAW) == ulaw) {
                out[i] = b.get(dataAt + i);
                continue;
            }
            int linear = format == WAVE_PCM ? b.getShort(dataAt + 2 * i)
                    : format == WAVE_ULAW ? G711.ulawToLinear(b.get(dataAt + i)) : G711.alawToLinear(b.get(dataAt + i));
            out[i] = ulaw ? G711.linearToUlaw(linear) : G711.linearToAlaw(linear);
        }
        return out;
    }

    /** Cuts the samples into 20 ms frames; the last one is filled up with silence. */
    private static byte[][] frame(byte[] samples, boolean ulaw) {
        byte silence = ulaw ? G711.linearToUlaw(0) : G711.linearToAlaw(0);
        byte[][] frames = new byte[(samples.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES][FRAME_SAMPLES];
        for (int f = 0; f < frames.length; f++) {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                int s = f * FRAME_SAMPLES + i;
                frames[f][i] = s < samples.length ? samples[s] : silence;
            }
        }
        return frames;
    }

    private static IllegalArgumentException problem(Path file, String what) {
        return new IllegalArgumentException("sip.abandonMessageFile: " + file + ": " + what);
    }

    /** The file the prompt was read from. */
    public Path file() {
        return file;
    }

    /** RTP payload type of the frames: 0 (PCMU) or 8 (PCMA). */
    public int payloadType() {
        return payloadType;
    }

    /** Number of 20 ms frames. */
    public int frames() {
        return frames.length;
    }

    /** How long the prompt plays, in milliseconds. */
    public long millis() {
        return frames.length * 20L;
    }

    /** Frame {@code index} (160 G.711 bytes); shared, never to be changed. */
    public byte[] frame(int index) {
        return frames[index];
    }
}
