package io.pacer.detect;

/**
 * The beep that ends a voicemail greeting, from its start to its end: one steady tone between 400 and 2000 Hz
 * for at least 100 ms, at whatever frequency the machine uses, possibly followed by more tones (two- and
 * three-tone beeps) and lasting up to a few seconds. Each 40 ms window's frequency is estimated from its zero
 * crossings (interpolated between samples), then a single Goertzel filter at that frequency checks that the
 * window is a pure tone; five frames in a row on the same frequency (within 2 %) start a beep, and any later
 * steady tone (two frames on one frequency) extends it. The beep has ended when {@value #END_FRAMES} frames
 * (200 ms) passed without its tones, the last {@value #END_QUIET_FRAMES} of them quiet: a recorder listens from
 * then on, so that is when a message may start. Speech after the tone (more than {@value #MAX_LOUD_END_FRAMES}
 * loud frames; the windows that straddle two tones of one beep are loud too) means the tone was a chime inside
 * the greeting, not its final beep: it is forgotten and the detector listens on. Cheaper
 * than FreeSWITCH mod_avmd's 36 DESA-2 detectors and, like them, frequency-agnostic. Allocation-free per frame.
 */
public final class BeepDetector {
    private static final double MIN_HZ = 400;
    private static final double MAX_HZ = 2000;
    private static final double MIN_PURITY = 0.7;
    private static final double MIN_LEVEL = 64;
    private static final double MAX_DRIFT = 0.02;
    private static final int MIN_FRAMES = 5;
    /** A later tone of the same beep: two frames (60 ms) on one frequency. */
    private static final int CONTINUATION_FRAMES = 2;
    static final int END_FRAMES = 10;
    static final int END_QUIET_FRAMES = 5;
    static final int MAX_LOUD_END_FRAMES = 5;

    private double runHz;
    private int runFrames;
    private int frame;
    private int beepFrame = -1;
    private int lastToneFrame = -1;
    private int loudSinceTone;
    private int quietRun;
    private int endFrame = -1;

    /**
     * Analyses the window ending with the frame just completed; {@code quiet} says whether the frame is below
     * the line's silence threshold. Returns the frame index at which the current beep started, or -1 while none
     * has been heard (or the last one turned out to be a chime inside the greeting).
     */
    public int onFrame(short[] ring, int windowStart, boolean quiet) {
        if (endFrame < 0) {
            step(toneHz(ring, windowStart, Signal.WINDOW_SAMPLES), quiet);
        }
        return beepFrame;
    }

    /** A frame known not to be a beep (a call-progress tone): breaks any run; returns as {@link #onFrame}. */
    public int skipFrame(boolean quiet) {
        if (endFrame < 0) {
            step(0, quiet);
        }
        return beepFrame;
    }

    private void step(double hz, boolean quiet) {
        if (hz > 0 && runFrames > 0 && Math.abs(hz - runHz) <= MAX_DRIFT * runHz) {
            runFrames++;
        } else {
            runFrames = hz > 0 ? 1 : 0;
            runHz = hz;
        }
        boolean heard = beepFrame >= 0;
        if (!heard && runFrames >= MIN_FRAMES) {
            beepFrame = frame - MIN_FRAMES + 1;
        }
        if (beepFrame >= 0 && (runFrames >= MIN_FRAMES || heard && runFrames >= CONTINUATION_FRAMES)) {
            lastToneFrame = frame;
            loudSinceTone = 0;
            quietRun = 0;
        } else if (beepFrame >= 0) {
            quietRun = quiet ? quietRun + 1 : 0;
            if (!quiet && ++loudSinceTone > MAX_LOUD_END_FRAMES) {
                beepFrame = -1;
                lastToneFrame = -1;
                loudSinceTone = 0;
            } else if (frame - lastToneFrame >= END_FRAMES && quietRun >= END_QUIET_FRAMES) {
                endFrame = lastToneFrame;
            }
        }
        frame++;
    }

    /** The frame whose window last held the beep's tone, once the beep has ended; -1 until then. */
    public int endFrame() {
        return endFrame;
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

    /** Makes the detector ready for another call. */
    public void reset() {
        runHz = 0;
        runFrames = 0;
        frame = 0;
        beepFrame = -1;
        lastToneFrame = -1;
        loudSinceTone = 0;
        quietRun = 0;
        endFrame = -1;
    }
}
