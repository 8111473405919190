package io.pacer.detect;

/**
 * Special information tones and fax tones, frame by frame. A Goertzel bank ({@link ToneBank}) names the
 * strongest of the SIT and fax frequencies in each 40 ms window; a run of pure frames on one frequency is a
 * tone segment. Three segments back to back, low (913.8 / 950 / 985.2 Hz), middle (1370.6 / 1400 / 1428.5 Hz)
 * and high (1776.7 / 1800 Hz), are a SIT, decoded by the frequencies of the first two (the North American
 * codes differ in both frequency and duration, and the frequency alone tells the four apart, so a clipped
 * segment does not change the verdict). A steady 1100 Hz (CNG) or 2100 Hz (CED) is a fax or modem. The North
 * American dual tones are watched too: two bursts of 480 + 620 Hz are BUSY (busy or fast busy, for carriers
 * that play it as early media instead of sending 486), and 440 + 480 Hz ringback or 350 + 440 Hz dial tone
 * tells the caller the call is not answered yet ({@link #ringing()}).
 * Allocation-free per frame.
 */
public final class CallProgressDetector {
    private static final double[] FREQUENCIES_HZ = {913.8, 950, 985.2, 1370.6, 1400, 1428.5, 1776.7, 1800, 1100, 2100,
        350, 440, 480, 620};
    private static final int LOW_NA_LOW = 0;
    private static final int LOW_ITU = 1;
    private static final int LOW_NA_HIGH = 2;
    private static final int MID_NA_LOW = 3;
    private static final int MID_ITU = 4;
    private static final int MID_NA_HIGH = 5;
    private static final int HIGH_NA = 6;
    private static final int HIGH_ITU = 7;
    private static final int CNG = 8;
    private static final int CED = 9;
    private static final int DIAL_LOW = 10;
    private static final int A440 = 11;
    private static final int A480 = 12;
    private static final int A620 = 13;
    /** A dual tone: the two filters together hold this much of a pure pair's power, each at least a quarter. */
    private static final double MIN_PAIR_PURITY = 0.6;
    private static final double MIN_PAIR_SHARE = 0.15;
    /** Busy is 500 ms on / 500 ms off, reorder (fast busy) 250 / 250: two bursts of 120 ms or more are busy. */
    private static final int BUSY_BURST_FRAMES = 6;
    private static final int BUSY_BURSTS = 2;
    /**
     * 200 ms of a pair before it is ringback: a low voice's harmonics can fall on 350 + 440 Hz (F0 ≈ 88 Hz) for a
     * frame or two; ringback bursts last 0.4 s (UK) to 2 s.
     */
    private static final int MIN_RING_FRAMES = 10;
    /** Below this a window is not a tone: speech rarely puts half its energy in one 25 Hz filter. */
    private static final double MIN_PURITY = 0.5;
    /** A tone quieter than this (mean |sample|, about -50 dBm0) is line noise, not a signal. */
    private static final double MIN_LEVEL = 64;
    /** 100 ms: the shortest segment counted; SIT segments are 274 or 380 ms (330 ± 70 for the ITU tone). */
    private static final int MIN_SEGMENT_FRAMES = 5;
    /** Windows that straddle two segments are impure; up to 60 ms between segments still joins them. */
    private static final int MAX_GAP_FRAMES = 3;
    private static final int CNG_FRAMES = 20;
    private static final int CED_FRAMES = 25;

    private final ToneBank bank = new ToneBank(FREQUENCIES_HZ);
    private int runFilter = -1;
    private int runFrames;
    private int runStartFrame;
    private int frame;
    /** The last completed segment before the current run, and the one before it (filter, end frame). */
    private int previousFilter = -1;
    private int previousEndFrame = -1;
    private int previousStartFrame = -1;
    private int earlierFilter = -1;
    private int earlierEndFrame = -1;
    private Verdict verdict = Verdict.PENDING;
    private boolean ringToneInWindow;
    private int ringFrames;
    private int busyFrames;
    private int busyBursts;

    /** Analyses the window ending with the frame just completed; returns the verdict, PENDING until one is found. */
    public Verdict onFrame(short[] ring, int windowStart) {
        if (verdict != Verdict.PENDING) {
            return verdict;
        }
        bank.analyse(ring, windowStart, Signal.WINDOW_SAMPLES);
        boolean loud = bank.meanAbs() >= MIN_LEVEL;
        ringToneInWindow = loud && (pair(A440, A480) || pair(DIAL_LOW, A440));
        ringFrames = ringToneInWindow ? ringFrames + 1 : 0;
        if (onBusyTone(loud && pair(A480, A620))) {
            verdict = Verdict.BUSY;
            frame++;
            return verdict;
        }
        int filter = bank.purity() >= MIN_PURITY && bank.meanAbs() >= MIN_LEVEL ? bank.strongest() : -1;
        if (filter != runFilter) {
            endRun();
            runFilter = filter;
            runFrames = 0;
            runStartFrame = frame;
        }
        if (filter >= 0) {
            runFrames++;
            verdict = decide();
        }
        frame++;
        return verdict;
    }

    private boolean pair(int a, int b) {
        double pa = bank.purity(a);
        double pb = bank.purity(b);
        return pa + pb >= MIN_PAIR_PURITY && pa >= MIN_PAIR_SHARE && pb >= MIN_PAIR_SHARE;
    }

    /** Counts bursts of busy tone; true once there have been enough to call the line busy. */
    private boolean onBusyTone(boolean busy) {
        if (busy) {
            if (++busyFrames == BUSY_BURST_FRAMES) {
                busyBursts++;
            }
        } else {
            busyFrames = 0;
        }
        return busyBursts >= BUSY_BURSTS;
    }

    /**
     * Whether the last 200 ms were ringback (440 + 480 Hz) or dial tone (350 + 440 Hz): the call is not answered
     * yet, so what answering-machine detection heard so far is not the callee.
     */
    public boolean ringing() {
        return ringFrames >= MIN_RING_FRAMES;
    }

    /** Whether the last window held a ringback or dial-tone pair at all, however briefly. */
    public boolean ringToneInWindow() {
        return ringToneInWindow;
    }

    private void endRun() {
        if (runFilter < 0 || runFrames < MIN_SEGMENT_FRAMES) {
            return;
        }
        earlierFilter = previousFilter;
        earlierEndFrame = previousEndFrame;
        previousFilter = runFilter;
        previousStartFrame = runStartFrame;
        previousEndFrame = frame;
    }

    private Verdict decide() {
        if (runFilter == CNG && runFrames >= CNG_FRAMES || runFilter == CED && runFrames >= CED_FRAMES) {
            return Verdict.FAX;
        }
        boolean third = runFilter == HIGH_NA || runFilter == HIGH_ITU;
        if (!third || runFrames < MIN_SEGMENT_FRAMES) {
            return Verdict.PENDING;
        }
        boolean joined = runStartFrame - previousEndFrame <= MAX_GAP_FRAMES
                && previousStartFrame - earlierEndFrame <= MAX_GAP_FRAMES;
        if (!joined || !isLow(earlierFilter) || !isMiddle(previousFilter)) {
            return Verdict.PENDING;
        }
        return code(earlierFilter, previousFilter, runFilter);
    }

    private static Verdict code(int first, int second, int third) {
        if (first == LOW_ITU || second == MID_ITU || third == HIGH_ITU) {
            return Verdict.SIT_OTHER;
        }
        boolean firstHigh = first == LOW_NA_HIGH;
        boolean secondHigh = second == MID_NA_HIGH;
        if (firstHigh) {
            return secondHigh ? Verdict.SIT_NO_CIRCUIT : Verdict.SIT_VACANT;
        }
        return secondHigh ? Verdict.SIT_REORDER : Verdict.SIT_INTERCEPT;
    }

    private static boolean isLow(int filter) {
        return filter == LOW_NA_LOW || filter == LOW_ITU || filter == LOW_NA_HIGH;
    }

    private static boolean isMiddle(int filter) {
        return filter == MID_NA_LOW || filter == MID_ITU || filter == MID_NA_HIGH;
    }

    /** Makes the detector ready for another call. */
    public void reset() {
        runFilter = -1;
        runFrames = 0;
        runStartFrame = 0;
        frame = 0;
        previousFilter = -1;
        previousEndFrame = -1;
        previousStartFrame = -1;
        earlierFilter = -1;
        earlierEndFrame = -1;
        verdict = Verdict.PENDING;
        ringToneInWindow = false;
        ringFrames = 0;
        busyFrames = 0;
        busyBursts = 0;
    }
}
