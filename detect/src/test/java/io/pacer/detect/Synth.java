package io.pacer.detect;

import java.util.Arrays;
import java.util.Random;

/** Test signals at 8 kHz, built in Java so the tests need no audio tools. */
final class Synth {
    private short[] samples = new short[0];
    private final Random random = new Random(17);

    Synth tone(double hz, int millis, int amplitude) {
        return tones(millis, amplitude, hz);
    }

    Synth tones(int millis, int amplitude, double... hz) {
        int n = millis * 8;
        int start = grow(n);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (double f : hz) {
                v += Math.sin(2 * Math.PI * f * i / 8000.0);
            }
            samples[start + i] = (short) Math.round(amplitude * v / hz.length);
        }
        return this;
    }

    Synth silence(int millis) {
        grow(millis * 8);
        return this;
    }

    /** Voiced speech stand-in: harmonics of a wavering pitch with a syllable-rate envelope. */
    Synth speech(int millis, int amplitude) {
        int n = millis * 8;
        int start = grow(n);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double pitch = 110 + 25 * Math.sin(2 * Math.PI * 3 * i / 8000.0);
            phase += 2 * Math.PI * pitch / 8000.0;
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(h * phase) / h;
            }
            double envelope = 0.75 + 0.25 * Math.sin(2 * Math.PI * 4 * i / 8000.0);
            samples[start + i] = (short) Math.round(amplitude * 0.5 * v * envelope);
        }
        return this;
    }

    /** Adds white noise of this peak amplitude over everything so far. */
    Synth noise(int amplitude) {
        for (int i = 0; i < samples.length; i++) {
            int v = samples[i] + (int) Math.round((random.nextDouble() * 2 - 1) * amplitude);
            samples[i] = (short) Math.max(-32768, Math.min(32767, v));
        }
        return this;
    }

    /** A North American SIT: first two segments (frequency, duration) then 1776.7 Hz for 380 ms. */
    Synth sit(double hz1, int ms1, double hz2, int ms2, int amplitude) {
        return tone(hz1, ms1, amplitude).tone(hz2, ms2, amplitude).tone(1776.7, 380, amplitude);
    }

    short[] samples() {
        return samples.clone();
    }

    byte[] ulaw() {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = G711.linearToUlaw(samples[i]);
        }
        return out;
    }

    byte[] alaw() {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = G711.linearToAlaw(samples[i]);
        }
        return out;
    }

    private int grow(int n) {
        int start = samples.length;
        samples = Arrays.copyOf(samples, start + n);
        return start;
    }

    static CallAnalyser analyse(short[] samples, AmdParameters parameters) {
        CallAnalyser a = new CallAnalyser(parameters);
        // RTP-sized chunks, as the relay will feed it.
        for (int i = 0; i < samples.length; i += 160) {
            a.feedLinear(samples, i, Math.min(160, samples.length - i));
        }
        a.finish();
        return a;
    }
}
