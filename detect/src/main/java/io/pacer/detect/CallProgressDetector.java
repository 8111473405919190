package io.pacer.detect;

/**
 * Special information tones, fax tones and the busy, congestion and ringing tones, frame by frame. A Goertzel
 * bank ({@link ToneBank}) names the strongest of the SIT and fax frequencies in each 40 ms window; a run of pure
 * frames on one frequency is a tone segment. Three segments back to back, low (913.8 / 950 / 985.2 Hz), middle
 * (1370.6 / 1400 / 1428.5 Hz) and high (1776.7 / 1800 Hz), are a SIT, decoded by the frequencies of the first
 * two (the North American codes differ in both frequency and duration, and the frequency alone tells the four
 * apart, so a clipped segment does not change the verdict). A steady 1100 Hz (CNG) or 2100 Hz (CED) is a fax or
 * modem. The call-progress tones of the North American plan (480 + 620 Hz busy and reorder, 440 + 480 Hz
 * ringback, 350 + 440 Hz dial tone) and of the international one (a single 425 Hz, or the UK's 400 Hz, for busy,
 * congestion and ringback; the UK's 400 + 450 Hz ringback) are watched too: a busy or congestion cadence
 * ({@link ToneCadence}) is BUSY or CONGESTION, for carriers that play it as early media instead of sending 486
 * or 503, and any of these tones tells the caller the call is not answered yet ({@link #ringing()}).
 * Allocation-free per frame.
 */
public final class CallProgressDetector {
    private static final double[] FREQUENCIES_HZ = {913.8, 950, 985.2, 1370.6, 1400, 1428.5, 1776.7, 1800, 1100, 2100,
        350, 440, 480, 620, 400, 425, 450};
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
    private static final int A400 = 14;
    private static final int A425 = 15;
    private static final int A450 = 16;
    /** A dual tone: the two filters together hold this much of a pure pair's power, each at least a quarter. */
    private static final double MIN_PAIR_PURITY = 0.6;
    private static final double MIN_PAIR_SHARE = 0.15;
    /**
     * A single tone between 400 and 425 Hz (the international 425 Hz, the UK's 400 Hz, a few per cent off): the
     * two filters together hold this much of a pure tone's power and the nearer at least {@link #MIN_LOW_TONE_ONE}
     * (412 Hz puts 0.4 in each), with neither 440 nor 450 Hz the stronger (a 440 Hz beep, the UK ringback pair).
     */
    private static final double MIN_LOW_TONE = 0.6;
    private static final double MIN_LOW_TONE_ONE = 0.38;
    /**
     * 200 ms of a pair before it is ringback: a low voice's harmonics can fall on 350 + 440 Hz (F0 ≈ 88 Hz) for a
     * frame or two; ringback bursts last 0.4 s (UK) to 2 s.
     */
    private static final int MIN_RING_FRAMES = 10;
    /**
     * The other tones hold AMD after 160 ms: congestion bursts are 200–250 ms; no voice has the 480 + 620 or
     * 400 + 450 Hz pair, and few put 60 % of their energy at 400–430 Hz for that long.
     */
    private static final int MIN_TONE_FRAMES = 8;
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
    /** North American busy and reorder decide on one cycle (the 480 + 620 Hz pair says busy or reorder already). */
    private final ToneCadence northAmerican = new ToneCadence(1);
    /** A single 400–425 Hz tone is busy, congestion or ringback by its rhythm alone: two cycles must agree. */
    private final ToneCadence international = new ToneCadence(2);
    private boolean toneInWindow;
    private int ringFrames;
    private int toneFrames;

    /**
     * Analyses the window ending with the frame just completed, whose own 20 ms were {@code quiet} or not (the
     * gaps of a busy tone are quiet); returns the verdict, PENDING until one is found.
     */
    public Verdict onFrame(short[] ring, int windowStart, boolean quiet) {
        if (verdict != Verdict.PENDING) {
            return verdict;
        }
        bank.analyse(ring, windowStart, Signal.WINDOW_SAMPLES);
        if (progressTones(quiet)) {
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

    /**
     * Classifies the window among the call-progress tones, feeds the two cadences and keeps the runs that make
     * {@link #ringing()}; true when a cadence decided BUSY or CONGESTION.
     */
    private boolean progressTones(boolean quiet) {
        double level = bank.meanAbs();
        boolean loud = level >= MIN_LEVEL;
        boolean naRing = loud && (pair(A440, A480) || pair(DIAL_LOW, A440));
        boolean naBusy = loud && pair(A480, A620);
        boolean ukRing = loud && pair(A400, A450);
        boolean low = loud && !ukRing && lowTone();
        toneInWindow = naRing || naBusy || ukRing || low;
        ringFrames = naRing ? ringFrames + 1 : 0;
        toneFrames = naBusy || ukRing || low ? toneFrames + 1 : 0;
        Verdict pairCadence = northAmerican.onFrame(naBusy, quiet, level);
        Verdict singleCadence = international.onFrame(low, quiet, level);
        verdict = pairCadence != Verdict.PENDING ? pairCadence : singleCadence;
        return verdict != Verdict.PENDING;
    }

    private boolean lowTone() {
        double p400 = bank.purity(A400);
        double p425 = bank.purity(A425);
        return p400 + p425 >= MIN_LOW_TONE && Math.max(p400, p425) >= MIN_LOW_TONE_ONE
                && Math.max(p400, p425) > bank.purity(A440) && Math.max(p400, p425) > bank.purity(A450);
    }

    /**
     * Whether a call-progress tone has lasted long enough to be one (200 ms of ringback or dial tone, 160 ms of
     * the others): the call is not answered yet, so what answering-machine detection heard so far is not the
     * callee.
     */
    public boolean ringing() {
        return ringFrames >= MIN_RING_FRAMES || toneFrames >= MIN_TONE_FRAMES;
    }

    /** Whether the last window held a call-progress tone at all, however briefly (it is no beep). */
    public boolean progressToneInWindow() {
        return toneInWindow;
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
        toneInWindow = false;
        ringFrames = 0;
        toneFrames = 0;
        northAmerican.reset();
        international.reset();
    }
}
