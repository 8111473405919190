package io.pacer.detect;

/**
 * What the media of one answered (or early-media) call says about who or what is at the other end. The SIT
 * verdicts are the four North American special information tones and {@link #SIT_OTHER} for any other
 * three-tone SIT (the ITU 950/1400/1800 Hz one included); see docs/amd.md for what a dialler does with each.
 */
public enum Verdict {
    /** No verdict yet. */
    PENDING,
    /** A person answered: short speech then silence. */
    HUMAN,
    /** An answering machine or voicemail greeting. */
    MACHINE,
    /** The analysis ran out of time without a verdict. */
    NOTSURE,
    /** Nothing but silence for the whole initial-silence allowance. */
    SILENCE,
    /** A fax or modem calling (CNG 1100 Hz) or answer (CED 2100 Hz) tone. */
    FAX,
    /**
     * Busy tone heard in early media or after the answer: 480 + 620 Hz 0.5/0.5 s (North America), 425 Hz
     * 0.5/0.5 s (Europe and most of the world), 400 Hz 0.375/0.375 s (UK).
     */
    BUSY,
    /**
     * Congestion (the network, not the callee, is busy): reorder or fast busy, 480 + 620 Hz 0.25/0.25 s; 425 Hz
     * 0.2–0.25/0.2–0.25 s; the UK's 400 Hz 0.4/0.35/0.225/0.525 s. A network failure: retry later.
     */
    CONGESTION,
    /** SIT vacant code (VC): the number cannot exist; never retry. */
    SIT_VACANT,
    /** SIT intercept (IC): number changed or disconnected; never retry. */
    SIT_INTERCEPT,
    /** SIT no circuit (NC): network congestion; retry later. */
    SIT_NO_CIRCUIT,
    /** SIT reorder (RO): equipment irregularity; retry later. */
    SIT_REORDER,
    /** A three-tone SIT that is none of the four above, e.g. the ITU 950/1400/1800 Hz tone. */
    SIT_OTHER
}
