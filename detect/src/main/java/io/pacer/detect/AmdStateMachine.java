package io.pacer.detect;

/**
 * The classic answering-machine detector: Asterisk {@code app_amd}'s state machine over 20 ms frames, each
 * frame voice or silence by its mean absolute level. A person says a few short words and waits; a machine
 * talks on. Transitions follow app_amd's {@code isAnsweringMachine} rule for rule (docs/amd.md), with one
 * two differences: a call silent for the whole initial-silence allowance is {@link Verdict#SILENCE}, not
 * MACHINE, so a campaign can choose what dead air means; and the silence threshold rises above the configured
 * one when the line's noise floor (its quietest frame in the last second) is loud, to 1.6 times that floor, so
 * that noise above the threshold is not one endless word (docs/amd.md, "Noise"). On a quiet line (floor below
 * 62 % of the threshold) the verdicts are app_amd's. Time is counted in analysed samples, never by wall clock,
 * so a file and a live call give the same answer. Allocation-free.
 */
public final class AmdStateMachine {
    /** 4 dB above the noise floor is speech: white noise's 20 ms levels stay within ±1 dB of their mean (docs/amd.md). */
    static final double FLOOR_FACTOR = 1.6;
    private final AmdParameters parameters;
    private final NoiseFloor noiseFloor;
    private boolean inWord = true;
    private boolean inInitialSilence = true;
    private boolean inGreeting;
    private int silenceMillis;
    private int consecutiveVoiceMillis;
    private int voiceMillis;
    private int words;
    private int analysedMillis;
    private Verdict verdict = Verdict.PENDING;
    private AmdCause cause = AmdCause.NONE;
    private int decisionMillis = -1;

    /** A detector with these parameters. */
    public AmdStateMachine(AmdParameters parameters) {
        this.parameters = parameters;
        this.noiseFloor = new NoiseFloor(parameters.silenceThreshold());
    }

    /** A quiet frame heard while the analysis waits (between rings): it only teaches the noise floor. */
    public void hearLine(double meanAbs) {
        noiseFloor.onFrame(meanAbs);
    }

    /** Takes one frame of {@code frameMillis} with its mean absolute sample value; returns the verdict so far. */
    public Verdict onFrame(double meanAbs, int frameMillis) {
        if (verdict != Verdict.PENDING) {
            return verdict;
        }
        analysedMillis += frameMillis;
        double threshold = Math.max(parameters.silenceThreshold(), FLOOR_FACTOR * noiseFloor.onFrame(meanAbs));
        if (meanAbs < threshold) {
            onSilence(frameMillis);
        } else {
            onVoice(frameMillis);
        }
        if (verdict == Verdict.PENDING && analysedMillis >= parameters.totalAnalysisMillis()) {
            decide(Verdict.NOTSURE, AmdCause.TOO_LONG);
        }
        return verdict;
    }

    private void onSilence(int frameMillis) {
        silenceMillis += frameMillis;
        if (silenceMillis >= parameters.betweenWordsSilenceMillis()) {
            inWord = false;
            consecutiveVoiceMillis = 0;
        }
        if (inInitialSilence && silenceMillis >= parameters.initialSilenceMillis()) {
            decide(Verdict.SILENCE, AmdCause.INITIAL_SILENCE);
        } else if (inGreeting && silenceMillis >= parameters.afterGreetingSilenceMillis()) {
            decide(Verdict.HUMAN, AmdCause.HUMAN);
        }
    }

    private void onVoice(int frameMillis) {
        silenceMillis = 0;
        consecutiveVoiceMillis += frameMillis;
        voiceMillis += frameMillis;
        if (consecutiveVoiceMillis >= parameters.minWordLengthMillis() && !inWord) {
            words++;
            inWord = true;
        }
        if (consecutiveVoiceMillis >= parameters.maxWordLengthMillis()) {
            decide(Verdict.MACHINE, AmdCause.MAX_WORD_LENGTH);
        } else if (words > parameters.maxWords()) {
            decide(Verdict.MACHINE, AmdCause.MAX_WORDS);
        } else if (inGreeting && voiceMillis >= parameters.greetingMillis()) {
            decide(Verdict.MACHINE, AmdCause.LONG_GREETING);
        }
        if (voiceMillis >= parameters.minWordLengthMillis()) {
            inInitialSilence = false;
            inGreeting = true;
        }
    }

    private void decide(Verdict v, AmdCause c) {
        verdict = v;
        cause = c;
        decisionMillis = analysedMillis;
    }

    /** The verdict, PENDING until decided. */
    public Verdict verdict() {
        return verdict;
    }

    /** Why the verdict was reached. */
    public AmdCause cause() {
        return cause;
    }

    /** Analysed audio at the decision, or -1 while pending. */
    public int decisionMillis() {
        return decisionMillis;
    }

    /** Words counted so far. */
    public int words() {
        return words;
    }

    /** Makes the detector ready for another call with the same parameters. */
    public void reset() {
        noiseFloor.reset();
        restart();
    }

    /**
     * Starts the analysis again on the same line (the call was not answered yet: ringback): everything but the
     * line's noise floor is forgotten.
     */
    public void restart() {
        inWord = true;
        inInitialSilence = true;
        inGreeting = false;
        silenceMillis = 0;
        consecutiveVoiceMillis = 0;
        voiceMillis = 0;
        words = 0;
        analysedMillis = 0;
        verdict = Verdict.PENDING;
        cause = AmdCause.NONE;
        decisionMillis = -1;
    }
}
