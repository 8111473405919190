package io.pacer.detect;

/**
 * The line's noise level: the quietest of the last 50 frames (one second) that were not speech. Speech has
 * quiet frames (gaps, stops) within a second, so the minimum sits on the noise between them; a steady louder
 * noise lifts it within a second. A frame more than 12 dB above the floor (or above twice the silence
 * threshold, whichever is higher) is speech and does not enter the history (nor push older frames out), so a
 * long unbroken greeting cannot lift the floor to its own level, and a call that starts with speech does not
 * start with its floor at the speech's level. Noise louder than that from the first frame (mean |s| over 512
 * with app_amd's threshold) is not followed. Pre-sized ring of frame levels; allocation-free.
 */
final class NoiseFloor {
    private static final int FRAMES = 50;
    private static final double SPEECH_ABOVE_FLOOR = 4;
    private final double[] levels = new double[FRAMES];
    private final double quietLevel;
    private int count;
    private int next;
    private double floor;

    /** A floor for a line whose silence threshold (mean |sample|) is {@code silenceThreshold}. */
    NoiseFloor(double silenceThreshold) {
        this.quietLevel = silenceThreshold / 2;
    }

    /** Records one frame's mean |sample| (unless it is speech) and returns the floor, 0 before any quiet frame. */
    double onFrame(double meanAbs) {
        double bound = SPEECH_ABOVE_FLOOR * Math.max(floor, quietLevel);
        if (meanAbs > bound) {
            return floor;
        }
        levels[next] = meanAbs;
        next = (next + 1) % FRAMES;
        count = Math.min(count + 1, FRAMES);
        double min = Double.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, levels[i]);
        }
        floor = min;
        return min;
    }

    void reset() {
        count = 0;
        next = 0;
        floor = 0;
    }
}
