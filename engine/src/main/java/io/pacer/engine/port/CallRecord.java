package io.pacer.engine.port;

import io.pacer.engine.call.AmdAction;
import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;

/**
 * What the core knows about a finished call, handed to {@link CallJournal#record}. The instance is reused by
 * the core: a journal that keeps it beyond the call copies the fields.
 *
 * <p>Times are on the {@link Clock#nowNanos()} scale except {@link #startEpochMillis}; a time that did not
 * happen (no answer, no bridge) is {@code -1}.
 */
public final class CallRecord {
    public long callId;
    public int campaignId;
    public long contactId;
    public String number;
    /** The display number presented, or {@code null} when the trunk's default was. */
    public String callerId;
    public int agentId = -1;
    public CallOutcome outcome;
    public long startEpochMillis;
    public long dialNanos;
    public long answerNanos = -1;
    public long bridgeNanos = -1;
    public long endNanos;
    /** What the media analysis heard, or {@code null} when the call was not analysed or it never decided. */
    public AmdVerdict amdVerdict;
    /** Why it decided ({@link AmdCause#NONE} when not analysed). */
    public AmdCause amdCause = AmdCause.NONE;
    /** Audio analysed when it decided, ms, or -1. */
    public int amdDecisionMillis = -1;
    /** What the core did with the verdict, or {@code null}. */
    public AmdAction amdAction;
    /**
     * Live answers estimated to have been classed MACHINE and dropped, that this call's HUMAN verdict brought to a
     * whole number (the Ofcom estimate, docs/compliance.md): each counts as an answered and abandoned call.
     */
    public int amdFalsePositives;
    /**
     * The customer called the campaign (blending): {@link #number} is the caller's number, {@link #callerId} the
     * number they dialled, {@link #contactId} -1 (the journal matches the caller to a contact), and the outcome
     * {@link CallOutcome#CONNECTED} when an agent answered, {@link CallOutcome#NO_ANSWER} when none did (missed).
     */
    public boolean inbound;
}
