package io.pacer.detect;

/**
 * The beep that ends a voicemail greeting: one steady tone between 400 and 2000 Hz for at least 100 ms, at
 * whatever frequency the machine uses. Each 40 ms window's frequency is estimated from its zero crossings
 * (interpolated between samples), then a single Goertzel filter at that frequency checks that the window is
 * a pure tone; five frames in a row on the same frequency (within 2 %) are a beep. Cheaper than FreeSWITCH
 * mod_avmd's 36 DESA-2 detectors and, like them, frequency-agnostic. Allocation-free per frame.
 */
public final class BeepDetector {
    private static final double MIN_HZ = 400;
    private static final double MAX_HZ = 2000;
    private static final double MIN_PURITY = 0.7;
    private static final double MIN_LEVEL = 64;
    private static final double MAX_DRIFT = 0.02;
    private static final int MIN_FRAMES = 5;

    private double runHz;
    private int runFrames;
    private int frame;
    private int beepFrame = -1;

    /**
     * Analyses the window ending with the frame just completed. Returns the frame index at which the first
     * beep started, or -1 while none has been heard.
     */
    public int onFrame(short[] ring, int windowStart) {
        if (beepFrame >= 0) {
            return beepFrame;
        }
        double hz = toneHz(ring, windowStart, Signal.WINDOW_SAMPLES);
        if (hz > 0 && runFrames > 0 && Math.abs(hz - runHz) <= MAX_DRIFT * runHz) {
            runFrames++;
        } else {
            runFrames = hz > 0 ? 1 : 0;
            runHz = hz;
        }
        if (runFrames >= MIN_FRAMES) {
            beepFrame = frame - MIN_FRAMES + 1;
        }
        frame++;
        return beepFrame;
    }

    /** The pure tone's frequency in the window, or 0 when the window is not one steady tone in range. */
    private static double toneHz(short[] ring, int start, int length) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        double energy = 0;
        long absSum = 0;
        int previous = ring[start % ring.length];
        for (int n = 1; n < length; n++) {
            int x = ring[(start + n) % ring.length];
            energy += (double) x * x;
            absSum += Math.abs(x);
            if ((previous < 0) != (x < 0)) {
                double at = n - 1 + (double) previous / (previous - x);
                if (first < 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
            previous = x;
        }
        if (crossings < 3 || (double) absSum / length < MIN_LEVEL) {
            return 0;
        }
        double hz = (crossings - 1) * Signal.SAMPLE_RATE_HZ / (2 * (last - first));
        if (hz < MIN_HZ || hz > MAX_HZ) {
            return 0;
        }
        return purity(ring, start, length, hz, energy) >= MIN_PURITY ? hz : 0;
    }

    private static double purity(short[] ring, int start, int length, double hz, double energy) {
        double w = 2 * Math.PI * hz / Signal.SAMPLE_RATE_HZ;
        double coefficient = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int n = 0; n < length; n++) {
            double s0 = ring[(start + n) % ring.length] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double real = s1 - s2 * Math.cos(w);
        double imaginary = s2 * Math.sin(w);
        return (real * real + imaginary * imaginary) / (energy * length / 2);
    }

    /** A frame known not to be a beep (a call-progress tone): breaks any run; returns as {@link #onFrame}. */
    public int skipFrame() {
        if (beepFrame < 0) {
            runFrames = 0;
            frame++;
        }
        return beepFrame;
    }

    /** Makes the detector ready for another call. */
    public void reset() {
        runHz = 0;
        runFrames = 0;
        frame = 0;
        beepFrame = -1;
    }
}
