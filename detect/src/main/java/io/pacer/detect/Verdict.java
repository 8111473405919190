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
    /** Busy or fast-busy (reorder) tone, 480 + 620 Hz, heard in early media or after answer. */
    BUSY,
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
