package io.pacer.detect;

/**
 * Everything the media of one call is analysed for, fed as it arrives: samples in any chunking (linear, or
 * G.711 bytes straight from RTP payloads) are cut into 20 ms frames; each frame goes to the call-progress
 * detector (SIT, fax, busy, ringback), the answering-machine state machine and the beep detector; ringback
 * holds AMD back, as the call is not answered yet. The first of SIT/fax and
 * AMD to decide gives the call's verdict; the beep is reported on its own for message drop. One instance per
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
        if (windowFull) {
            // writeIndex is the oldest sample: the window starts there and wraps.
            heard = progress.onFrame(ring, writeIndex);
            ringing = progress.ringing();
            if (beepFrame < 0) {
                beepFrame = progress.ringToneInWindow() ? beep.skipFrame() : beep.onFrame(ring, writeIndex);
            }
        }
        Verdict classic = notAnswered(ringing, meanAbs) ? Verdict.PENDING : amd.onFrame(meanAbs, Signal.FRAME_MILLIS);
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
     * Ringback means the call is not answered yet (a recording that starts at dialling, or early media): AMD
     * starts again after it. The silence between rings is part of the ringing, up to the longest cadence gap;
     * the first sound that is not ringback is the answer.
     */
    private boolean notAnswered(boolean ringing, double meanAbs) {
        // The line's own noise between rings is silence too, judged as the AMD state machine judges it.
        double floor = ringFloor.onFrame(meanAbs);
        boolean quiet = meanAbs < Math.max(silenceThreshold, AmdStateMachine.FLOOR_FACTOR * floor);
        if (ringing) {
            amd.reset();
            silenceAfterRingMillis = 0;
            return true;
        }
        if (silenceAfterRingMillis < 0) {
            return false;
        }
        if (quiet && silenceAfterRingMillis < RING_GAP_MILLIS) {
            silenceAfterRingMillis += Signal.FRAME_MILLIS;
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

    /** Milliseconds into the audio at which the first beep started, -1 if none yet. */
    public int beepMillis() {
        // The beep detector's first frame is the one that completed the first full window.
        return beepFrame < 0 ? -1 : (beepFrame + 1) * Signal.FRAME_MILLIS;
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
