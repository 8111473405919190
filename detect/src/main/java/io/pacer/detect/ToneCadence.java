package io.pacer.detect;

/**
 * The on/off rhythm of one call-progress tone, told apart by its period: busy (0.375/0.375 s in the UK,
 * 0.48–0.5/0.5 s on the continent and in North America) or congestion (0.2/0.2 to 0.25/0.25 s, North
 * American reorder 0.25/0.25 or 0.2/0.3, and the UK's two-burst 0.4/0.35/0.225/0.525 s). Fed one flag per
 * 20 ms frame (the frame's window holds the tone) with whether the frame is quiet (below the line's silence
 * threshold and noise floor, as AMD judges it) and the window's level; a burst is at least
 * {@value #MIN_ON_FRAMES} tone frames, dropouts of up to {@value #MAX_DROPOUT_FRAMES} frames inside a burst (a
 * lost packet, a noise spike) are bridged, and a gap must be quiet: more than {@value #MAX_LOUD_GAP_FRAMES}
 * frames in it that are neither quiet nor 12 dB below the bursts (speech, music) break the rhythm; the second
 * test keeps a line whose noise is too loud for the noise floor to follow (docs/amd.md, "Noise") working. A
 * cycle (a burst and its gap) is measured when the next burst starts; {@code cycles} agreeing cycles give the verdict, so a
 * jittered, clipped or noisy cadence still counts while one odd cycle restarts the count. Allocation-free.
 */
final class ToneCadence {
    static final int MIN_ON_FRAMES = 4;
    static final int MAX_DROPOUT_FRAMES = 2;
    static final int MAX_LOUD_GAP_FRAMES = 2;
    /** Bursts and gaps outside 100–740 ms belong to no busy or congestion cadence (ringback is 0.4–2 s on). */
    private static final int MIN_PART_MILLIS = 100;
    private static final int MAX_PART_MILLIS = 740;
    /** Period below this is congestion (0.4–0.5 s, 0.56 with +12 % jitter), at or above it busy (0.75–1 s). */
    private static final int CONGESTION_BELOW_MILLIS = 640;
    private static final int MAX_BUSY_PERIOD_MILLIS = 1300;
    /** A gap frame below a quarter of the bursts' mean level (-12 dB) is silence whatever the noise floor says. */
    private static final double QUIET_SHARE = 0.25;
    /**
     * The UK congestion's short burst (225 ms) with some jitter, and how much longer its long one (400 ms) is at
     * least; the UK busy's 375 ms bursts jittered by ±15 % stay above the short one's range.
     */
    private static final int MIN_SHORT_BURST_MILLIS = 150;
    private static final int MAX_SHORT_BURST_MILLIS = 290;
    private static final double LONG_OVER_SHORT = 1.4;

    private enum Phase { IDLE, ON, OFF }

    private final int cycles;
    private Phase phase = Phase.IDLE;
    private int pendingOn;
    private int onFrames;
    private double pendingLevel;
    private double burstLevelSum;
    private int burstLevelFrames;
    private int dropout;
    private int offFrames;
    private int loudInGap;
    private Verdict lastClass = Verdict.PENDING;
    private int lastOnMillis;
    private int agreeing;
    private Verdict verdict = Verdict.PENDING;

    /** A cadence that decides after {@code cycles} agreeing cycles. */
    ToneCadence(int cycles) {
        this.cycles = cycles;
    }

    /**
     * One frame: whether its window holds the tone, whether the frame is quiet, and the window's mean |sample|.
     * Returns the verdict so far.
     */
    Verdict onFrame(boolean tone, boolean quiet, double meanAbs) {
        if (verdict != Verdict.PENDING) {
            return verdict;
        }
        switch (phase) {
            case IDLE -> idle(tone, meanAbs);
            case ON -> on(tone, meanAbs);
            case OFF -> off(tone, quiet || meanAbs < QUIET_SHARE * burstLevelSum / Math.max(1, burstLevelFrames),
                    meanAbs);
        }
        return verdict;
    }

    private void idle(boolean tone, double meanAbs) {
        if (!tone) {
            pendingOn = 0;
            pendingLevel = 0;
            return;
        }
        pendingOn++;
        pendingLevel += meanAbs;
        if (pendingOn >= MIN_ON_FRAMES) {
            startBurst();
        }
    }

    private void on(boolean tone, double meanAbs) {
        if (tone) {
            onFrames += 1 + dropout;
            burstLevelSum += meanAbs;
            burstLevelFrames++;
            dropout = 0;
        } else if (++dropout > MAX_DROPOUT_FRAMES) {
            phase = Phase.OFF;
            offFrames = dropout;
            loudInGap = 0;
            dropout = 0;
        }
    }

    private void off(boolean tone, boolean quiet, double meanAbs) {
        if (tone) {
            pendingOn++;
            pendingLevel += meanAbs;
            if (pendingOn >= MIN_ON_FRAMES && offFrames * Signal.FRAME_MILLIS < MIN_PART_MILLIS) {
                // A gap too short for any cadence is a longer dropout inside one burst.
                onFrames += offFrames + pendingOn;
                takePendingLevel();
                phase = Phase.ON;
            } else if (pendingOn >= MIN_ON_FRAMES) {
                cycleEnded(onFrames * Signal.FRAME_MILLIS, offFrames * Signal.FRAME_MILLIS);
                startBurst();
            }
            return;
        }
        offFrames += 1 + pendingOn;
        pendingOn = 0;
        pendingLevel = 0;
        if (!quiet && ++loudInGap > MAX_LOUD_GAP_FRAMES
                || offFrames * Signal.FRAME_MILLIS > MAX_PART_MILLIS * 2) {
            // Speech or music in the gap, or a gap too long for any cadence: the rhythm starts again.
            phase = Phase.IDLE;
            lastClass = Verdict.PENDING;
            agreeing = 0;
        }
    }

    private void startBurst() {
        phase = Phase.ON;
        onFrames = pendingOn;
        takePendingLevel();
        dropout = 0;
    }

    private void takePendingLevel() {
        burstLevelSum += pendingLevel;
        burstLevelFrames += pendingOn;
        pendingOn = 0;
        pendingLevel = 0;
    }

    private void cycleEnded(int onMillis, int offMillis) {
        Verdict kind = classify(onMillis, offMillis);
        int shorter = Math.min(onMillis, lastOnMillis);
        if (kind == Verdict.PENDING) {
            agreeing = 0;
        } else if (kind == Verdict.BUSY && lastClass == Verdict.BUSY && shorter >= MIN_SHORT_BURST_MILLIS
                && shorter <= MAX_SHORT_BURST_MILLIS && Math.max(onMillis, lastOnMillis) >= LONG_OVER_SHORT * shorter) {
            // A busy period with a long and a short burst: the UK's 0.4/0.35/0.225/0.525 s congestion.
            kind = Verdict.CONGESTION;
            agreeing = cycles;
        } else if (kind == lastClass) {
            agreeing++;
        } else {
            agreeing = 1;
        }
        lastClass = kind;
        lastOnMillis = onMillis;
        if (agreeing >= cycles) {
            verdict = kind;
        }
    }

    /** BUSY or CONGESTION by the cycle's burst, gap and period; PENDING for any other rhythm. */
    static Verdict classify(int onMillis, int offMillis) {
        if (onMillis < MIN_PART_MILLIS || offMillis < MIN_PART_MILLIS
                || onMillis > MAX_PART_MILLIS || offMillis > MAX_PART_MILLIS) {
            return Verdict.PENDING;
        }
        int period = onMillis + offMillis;
        if (period < CONGESTION_BELOW_MILLIS) {
            return Verdict.CONGESTION;
        }
        return period <= MAX_BUSY_PERIOD_MILLIS ? Verdict.BUSY : Verdict.PENDING;
    }

    void reset() {
        phase = Phase.IDLE;
        pendingOn = 0;
        pendingLevel = 0;
        burstLevelSum = 0;
        burstLevelFrames = 0;
        onFrames = 0;
        dropout = 0;
        offFrames = 0;
        loudInGap = 0;
        lastClass = Verdict.PENDING;
        lastOnMillis = 0;
        agreeing = 0;
        verdict = Verdict.PENDING;
    }
}
