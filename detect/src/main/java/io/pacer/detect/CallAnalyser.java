package io.pacer.detect;

/**
 * Everything the media of one call is analysed for, fed as it arrives: samples in any chunking (linear, or
 * G.711 bytes straight from RTP payloads) are cut into 20 ms frames; each frame goes to the call-progress
 * detector (SIT, fax, busy, congestion, ringback), the answering-machine state machine and the beep detector;
 * ringback and the other call-progress tones hold AMD back, as the call is not answered yet. The first of the
 * tones and AMD to decide gives the call's verdict; the beep, its start and its end, is reported on its own for
 * message drop. One instance per
 * call, owned by the one thread that feeds it; all state is pre-sized, so feeding allocates nothing and the
 * instance can be {@link #reset} and reused for the next call.
 */
public final class CallAnalyser {
    private final short[] ring = new short[Signal.WINDOW_SAMPLES];
    private final CallProgressDetector progress = new CallProgressDetector();
    /** North American ringback is 2 s on, 4 s off; UK and others are shorter. */
    private static final int RING_GAP_MILLIS = 4500;
    private final AmdStateMachine amd;
    private final int silenceThreshold;
    private final NoiseFloor ringFloor;
    /** Silence since the last ringback, -1 when no ringback is pending (never heard, or answered since). */
    private int silenceAfterRingMillis = -1;
    private final BeepDetector beep = new BeepDetector();
    private int writeIndex;
    private boolean windowFull;
    private int inFrame;
    private long frameAbsSum;
    private int frames;
    private Verdict verdict = Verdict.PENDING;
    private int decisionMillis = -1;
    private AmdCause cause = AmdCause.NONE;
    private int beepFrame = -1;

    /** An analyser with these AMD parameters. */
    public CallAnalyser(AmdParameters parameters) {
        this.amd = new AmdStateMachine(parameters);
        this.silenceThreshold = parameters.silenceThreshold();
        this.ringFloor = new NoiseFloor(parameters.silenceThreshold());
    }

    /** Feeds linear 16-bit samples. */
    public void feedLinear(short[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(samples[i]);
        }
    }

    /** Feeds G.711 µ-law bytes, e.g. a PCMU RTP payload. */
    public void feedUlaw(byte[] payload, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(G711.ulaw(payload[i]));
        }
    }

    /** Feeds G.711 A-law bytes, e.g. a PCMA RTP payload. */
    public void feedAlaw(byte[] payload, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(G711.alaw(payload[i]));
        }
    }

    /**
     * The far end went quiet for good (a file ended): feeds silence until a verdict or the end of the analysis
     * time, as a line that stays open would.
     */
    public void finish() {
        while (verdict == Verdict.PENDING) {
            accept((short) 0);
        }
    }

    private void accept(short sample) {
        ring[writeIndex] = sample;
        if (++writeIndex == Signal.WINDOW_SAMPLES) {
            writeIndex = 0;
            windowFull = true;
        }
        frameAbsSum += Math.abs(sample);
        if (++inFrame == Signal.FRAME_SAMPLES) {
            onFrame();
            inFrame = 0;
            frameAbsSum = 0;
        }
    }

    private void onFrame() {
        frames++;
        double meanAbs = (double) frameAbsSum / Signal.FRAME_SAMPLES;
        Verdict heard = Verdict.PENDING;
        boolean ringing = false;
        boolean tone = false;
        // The line's own noise is silence too, judged as the AMD state machine judges it.
        boolean quiet = meanAbs < Math.max(silenceThreshold, AmdStateMachine.FLOOR_FACTOR * ringFloor.onFrame(meanAbs));
        if (windowFull) {
            // writeIndex is the oldest sample: the window starts there and wraps.
            heard = progress.onFrame(ring, writeIndex, quiet);
            ringing = progress.ringing();
            tone = progress.progressToneInWindow();
            beepFrame = tone ? beep.skipFrame(quiet) : beep.onFrame(ring, writeIndex, quiet);
        }
        Verdict classic = notAnswered(ringing, quiet, tone, meanAbs) ? Verdict.PENDING
                : amd.onFrame(meanAbs, Signal.FRAME_MILLIS);
        if (verdict != Verdict.PENDING) {
            return;
        }
        if (heard != Verdict.PENDING) {
            verdict = heard;
        } else if (classic != Verdict.PENDING) {
            verdict = classic;
        }
        if (verdict != Verdict.PENDING) {
            decisionMillis = frames * Signal.FRAME_MILLIS;
            cause = heard == Verdict.PENDING ? amd.cause() : AmdCause.NONE;
        }
    }

    /**
     * Ringback (or busy, or congestion) means the call is not answered yet (a recording that starts at dialling,
     * or early media): AMD starts again after it. The silence between rings, and the first frames of the next
     * ring, are part of the ringing, up to the longest cadence gap; the first sound that is no tone is the
     * answer. AMD keeps hearing the line's noise in the quiet frames meanwhile, so its noise floor is the line's
     * when the answer comes, not the first syllable's.
     */
    private boolean notAnswered(boolean ringing, boolean quiet, boolean tone, double meanAbs) {
        if (ringing) {
            amd.restart();
            silenceAfterRingMillis = 0;
            return true;
        }
        if (silenceAfterRingMillis < 0) {
            return false;
        }
        if ((quiet || tone) && silenceAfterRingMillis < RING_GAP_MILLIS) {
            silenceAfterRingMillis += Signal.FRAME_MILLIS;
            if (quiet) {
                amd.hearLine(meanAbs);
            }
            return true;
        }
        silenceAfterRingMillis = -1;
        return false;
    }

    /** The call's verdict, PENDING until one of the detectors decides. */
    public Verdict verdict() {
        return verdict;
    }

    /** Milliseconds of audio analysed when the verdict was reached, -1 while pending. */
    public int decisionMillis() {
        return decisionMillis;
    }

    /** Why the AMD state machine gave the verdict; NONE if a tone decided it or nothing has yet. */
    public AmdCause amdCause() {
        return cause;
    }

    /**
     * Milliseconds into the audio at which the beep started (the greeting's last beep: a tone followed by speech
     * is forgotten), -1 if none yet.
     */
    public int beepMillis() {
        // The beep detector's frame f is the window over the analyser's frames f and f + 1 (counted from 0).
        return beepFrame < 0 ? -1 : (beepFrame + 1) * Signal.FRAME_MILLIS;
    }

    /**
     * Milliseconds into the audio at which the beep's last tone ended, once the beep is over (200 ms without
     * its tones or speech have followed: a message started now is recorded whole); -1 until then.
     */
    public int beepEndMillis() {
        int end = beep.endFrame();
        return end < 0 ? -1 : (end + 2) * Signal.FRAME_MILLIS;
    }

    /** Makes the analyser ready for another call with the same parameters. */
    public void reset() {
        progress.reset();
        amd.reset();
        beep.reset();
        writeIndex = 0;
        windowFull = false;
        inFrame = 0;
        frameAbsSum = 0;
        frames = 0;
        verdict = Verdict.PENDING;
        decisionMillis = -1;
        cause = AmdCause.NONE;
        beepFrame = -1;
        silenceAfterRingMillis = -1;
        ringFloor.reset();
    }
}
