package io.pacer.engine.core;

import io.pacer.engine.call.AmdCause;
import io.pacer.engine.call.AmdVerdict;
import io.pacer.engine.call.CallOutcome;

/**
 * Everything that happens to the engine, as seen by the adapters: each method becomes one event on the core's
 * ring. Implementations are thread-safe publishers ({@link EngineRing}) or, in the simulator, a direct
 * dispatcher on the simulation thread ({@link DirectEngineInput}); both write events through
 * {@link TranslatingEngineInput}, and the core behind them is the same.
 */
public interface EngineInput {

    /**
     * The adapter sent the call's INVITE: from now on the call exists on the wire, so if the process dies before
     * it ends, crash recovery books it as interrupted; a contact whose call was never placed goes back untouched.
     */
    void callPlaced(long callId);

    /** The far end is ringing (180) or sent early media (183). */
    void callRinging(long callId);

    /** A person (or machine) answered the call. */
    void callAnswered(long callId);

    /** The call ended before an answer: busy, no answer, invalid number, failure. */
    void callFailed(long callId, CallOutcome outcome);

    /**
     * The adapter could not place the call and sent nothing on the wire (its trunk is backing off after a 503
     * with Retry-After, full, or down; or the call was still queued for the calls-per-second cap when the
     * engine gave up on it). The call is undone as if never dialled: its contact goes back to the supply
     * untouched (no attempt, no record) and the campaign places no call for {@code retryAfterMillis}.
     */
    void callNotPlaced(long callId, long retryAfterMillis);

    /**
     * The media analysis of the call decided ({@code docs/amd.md}): before the answer (early media: a SIT, busy
     * or fax tone ends the call) or after it (a person, a machine, not sure). {@code decisionMillis} is the
     * audio analysed when it decided. Published by the relay's thread; at most one per call.
     */
    void callClassified(long callId, AmdVerdict verdict, AmdCause cause, int decisionMillis);

    /** The customer leg ended after the answer (either side hung up). */
    void callEnded(long callId);

    /** An agent logged in to a campaign (its session is up and it is ready). */
    void agentLogin(int agentId, int campaignId);

    /** An agent logged out (session ended); a call in progress ends normally first. */
    void agentLogout(int agentId);

    /** An agent finished wrap-up or came back from a pause: ready for the next call. */
    void agentReady(int agentId);

    /** An agent paused: gets no calls until ready again. */
    void agentPause(int agentId);

    /**
     * An agent paused for a reason: a code from 1 to {@link io.pacer.engine.agent.PauseReasons#MAX_AGENT_CODE}
     * whose meaning the operator chose, kept with the agent's state while it is paused.
     */
    default void agentPause(int agentId, int reasonCode) {
        agentPause(agentId);
    }

    /** The agent ended the customer call (from the phone or the desktop); the agent session stays up. */
    void agentHangUp(int agentId);

    /**
     * The agent's phone was found dead (no answer to keep-alives, no RTP): a customer bridged to it never had a
     * live agent, so that call is abandoned (the message, then BYE; recorded and counted as abandoned), and the
     * agent is logged out at once.
     */
    void agentLost(int agentId);

    /** The agent asks for the next record to preview (preview mode: the agent pulls). */
    void previewRequested(int agentId);

    /** A preview offer was answered by the agent: accepted (dial), skipped or marked do-not-call. */
    void previewAnswered(int agentId, long contactId, PreviewAnswer answer);

    /**
     * A preview offer was answered, with the display number the agent chose for the call ({@code null}: the one
     * the supply chose). Inputs that know no choice of display number ignore it.
     */
    default void previewAnswered(int agentId, long contactId, PreviewAnswer answer, String callerId) {
        previewAnswered(agentId, contactId, answer);
    }

    /**
     * A customer calls {@code dialledNumber} from {@code callerNumber} on a trunk (blending). The core answers
     * through {@link io.pacer.engine.port.Telephony#acceptInbound} or {@code refuseInbound} with the same key.
     */
    void inboundOffered(long inboundKey, String dialledNumber, String callerNumber);

    /** A deadline asked for through {@link io.pacer.engine.port.Timers} has passed. */
    void timer(int kind, long ref);

    /** An operator command (create or change a campaign, ...); rare, so it may carry an object. */
    void command(EngineCommand command);
}
