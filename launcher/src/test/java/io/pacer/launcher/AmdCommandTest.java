package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.detect.WavAudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmdCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run pacer(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Segments of (milliseconds, frequency in Hz; 0 for silence, -1 for a speech-like buzz). */
    private static short[] audio(double... segments) {
        short[] out = new short[0];
        for (int s = 0; s < segments.length; s += 2) {
            int n = (int) segments[s] * 8;
            int start = out.length;
            out = Arrays.copyOf(out, start + n);
            for (int i = 0; i < n; i++) {
                double t = i / 8000.0;
                double hz = segments[s + 1];
                double v = 0;
                if (hz > 0) {
                    v = Math.sin(2 * Math.PI * hz * t);
                } else if (hz < 0) {
                    for (int h = 1; h <= 10; h++) {
                        v += Math.sin(2 * Math.PI * 120 * h * t) / h;
                    }
                }
                out[start + i] = (short) Math.round(2500 * v);
            }
        }
        return out;
    }

    private Path wav(String name, short[] samples, WavAudio.Encoding encoding) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, WavAudio.write(samples, encoding));
        return f;
    }

    @Test
    void printsFileVerdictAndDecisionTimePerFileTabSeparated() throws IOException {
        Path human = wav("human.wav", audio(400, 0, 500, -1, 2000, 0), WavAudio.Encoding.PCM16);
        Path machine = wav("machine.wav", audio(300, 0, 3000, -1, 300, 1000, 500, 0), WavAudio.Encoding.ULAW);
        Path sit = wav("sit.wav", audio(200, 0, 380, 985.2, 274, 1370.6, 380, 1776.7, 2000, -1),
                WavAudio.Encoding.ALAW);
        Run r = pacer("amd", "classify", human.toString(), machine.toString(), sit.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals(human + "\tHUMAN\t1700", lines[0]);
        assertEquals(machine + "\tMACHINE\t2300", lines[1], "a campaign's cautious preset: MACHINE once 2 s of greeting are heard");
        assertTrue(lines[2].startsWith(sit + "\tSIT_VACANT\t"), lines[2]);
    }

    @Test
    void parametersAndPresetsChangeTheVerdict() throws IOException {
        Path threeWords = wav("words.wav", audio(300, 0, 250, -1, 150, 0, 250, -1, 150, 0, 250, -1, 1500, 0),
                WavAudio.Encoding.PCM16);
        assertTrue(pacer("amd", "classify", "--preset", "default", threeWords.toString()).out().contains("\tMACHINE\t"));
        // Without a preset, a campaign's (cautious: four words before MACHINE).
        assertTrue(pacer("amd", "classify", threeWords.toString()).out().contains("\tHUMAN\t"));
        assertTrue(pacer("amd", "classify", threeWords.toString(), "--max-words", "3").out().contains("\tHUMAN\t"));
        assertTrue(pacer("amd", "classify", "--preset", "cautious", threeWords.toString()).out().contains("\tHUMAN\t"));
    }

    @Test
    void refusesABadFileByNameAndStillClassifiesTheOthers() throws IOException {
        Path good = wav("good.wav", audio(4000, 0), WavAudio.Encoding.PCM16);
        Path stereo = wav("stereo.wav", audio(100, 0), WavAudio.Encoding.PCM16);
        byte[] bytes = Files.readAllBytes(stereo);
        bytes[22] = 2;
        Files.write(stereo, bytes);
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "hello");
        Run r = pacer("amd", "classify", stereo.toString(), text.toString(), good.toString(),
                dir.resolve("missing.wav").toString());
        assertEquals(1, r.code());
        assertEquals(good + "\tSILENCE\t3000\n", r.out(), "the cautious preset's 3 s of initial silence");
        assertTrue(r.err().contains(stereo + ": 2 channels; only mono is accepted"), r.err());
        assertTrue(r.err().contains(text + ": not a WAV file"), r.err());
        assertTrue(r.err().contains("missing.wav: cannot read"), r.err());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        Run r = pacer("amd", "classify", "x.wav", "--greeting-ms", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--greeting-ms needs a whole number, got 'soon'"), r.err());
        r = pacer("amd", "classify", "x.wav", "--preset", "fast");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown AMD preset 'fast'"), r.err());
        r = pacer("amd", "classify", "x.wav", "--greeting-ms", "0");
        assertTrue(r.err().contains("greeting must be positive"), r.err());
        assertEquals(2, pacer("amd", "listen").code());
    }
}
