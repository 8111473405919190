package io.pacer.store.compliance;

import io.pacer.store.error.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * An uploaded safe-harbour recording, checked before it is stored: a WAV file the SIP relay can play as it is,
 * 8000 Hz mono, 16-bit linear PCM or 8-bit G.711 (mu-law or A-law), between {@link #MIN_MILLIS} and
 * {@link #MAX_MILLIS} long. The JDK's sound reader parses the header, so a file it cannot read is refused with
 * the reason. The length bounds are ours: a shorter file cannot say the seller's name, a number and how to opt
 * out; a longer one keeps a trunk channel busy for a customer nobody is talking to.
 *
 * @param encoding {@code PCM16}, {@code ULAW} or {@code ALAW}
 * @param millis   the recording's length
 */
public record MessageAudio(String encoding, long millis) {

    /** The shortest message accepted. */
    public static final long MIN_MILLIS = 1_000;
    /** The longest message accepted. */
    public static final long MAX_MILLIS = 30_000;
    /** The largest upload accepted: 30 s of 16-bit PCM with room for the header. */
    public static final int MAX_BYTES = 600_000;

    /**
     * Reads {@code wav}'s header.
     *
     * @throws InvalidFieldException on the field {@code body}, saying what is wrong and what is wanted
     */
    public static MessageAudio check(byte[] wav) {
        if (wav == null || wav.length == 0) {
            throw refused("is empty; send the WAV file as the body");
        }
        if (wav.length > MAX_BYTES) {
            throw refused("is " + wav.length + " bytes, over " + MAX_BYTES + " (30 s of 8 kHz 16-bit audio)");
        }
        AudioFileFormat file;
        try {
            file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
        } catch (UnsupportedAudioFileException | IOException e) {
            throw refused("is not a readable WAV file");
        }
        if (file.getType() != AudioFileFormat.Type.WAVE) {
            throw refused("is a " + file.getType() + " file, needs WAV");
        }
        AudioFormat f = file.getFormat();
        if (f.getSampleRate() != 8000f) {
            throw refused("has a sample rate of " + Math.round(f.getSampleRate()) + " Hz, needs 8000 Hz");
        }
        if (f.getChannels() != 1) {
            throw refused("has " + f.getChannels() + " channels, needs mono");
        }
        String encoding = encoding(f);
        long frames = file.getFrameLength();
        if (frames <= 0) {
            throw refused("has no audio");
        }
        long millis = frames / 8;
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            throw refused("is " + millis + " ms long, needs " + MIN_MILLIS + " to " + MAX_MILLIS + " ms");
        }
        return new MessageAudio(encoding, millis);
    }

    private static String encoding(AudioFormat f) {
        AudioFormat.Encoding e = f.getEncoding();
        if (e == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16) {
            return "PCM16";
        }
        if (e == AudioFormat.Encoding.ULAW && f.getSampleSizeInBits() == 8) {
            return "ULAW";
        }
        if (e == AudioFormat.Encoding.ALAW && f.getSampleSizeInBits() == 8) {
            return "ALAW";
        }
        throw refused("is " + e + " with " + f.getSampleSizeInBits() + " bits per sample, needs 16-bit linear PCM, "
                + "mu-law or A-law");
    }

    private static InvalidFieldException refused(String problem) {
        return new InvalidFieldException("body", "the message " + problem);
    }
}
