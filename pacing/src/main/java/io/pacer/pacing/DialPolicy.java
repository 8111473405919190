package io.pacer.pacing;

/**
 * A dial mode's pacing rule. {@link #decide} is asked whenever the campaign's state changes and on a regular
 * tick; the feedback methods let adaptive policies learn from what happened. All methods are called from one
 * thread (the engine core, or the simulator on virtual time) and must not allocate in steady state.
 */
public interface DialPolicy {

    /** Writes into {@code out} how many calls to place now for the campaign described by {@code in}. */
    void decide(PacingInput in, PacingDecision out);

    /** A dialled call resolved {@code result} after {@code afterNanos} since it was dialled. */
    default void onDialResolved(long nowNanos, DialResult result, long afterNanos) {
    }

    /** An answered call was either bridged to an agent or abandoned. */
    default void onAnswerHandled(long nowNanos, boolean abandoned) {
    }

    /** An agent finished a conversation of {@code talkNanos}. */
    default void onTalkEnded(long nowNanos, long talkNanos) {
    }

    /** An agent finished a wrap-up of {@code wrapNanos}. */
    default void onWrapEnded(long nowNanos, long wrapNanos) {
    }

    /** Short name for reports (progressive, power, adaptive, predictive). */
    String name();
}
