package io.pacer.engine.port;

/**
 * The engine's outbound telephony port: commands the single-writer core issues to the outside world.
 *
 * <p>Implemented by the SIP adapter (real trunk and agent legs) and by the simulator (virtual world). Every
 * method is called on the core's thread, so an implementation must never block: it hands the command to its
 * own I/O threads and returns. Results come back later as events through {@link io.pacer.engine.core.EngineInput}.
 *
 * <p>Call ids are the engine's, unique across restarts; the adapter keeps its own mapping to dialogs. Agent ids are the small integers
 * of the engine's agent table.
 */
public interface Telephony {

    /**
     * Places an outbound call to a contact. The adapter reports progress, answer or failure for {@code callId}.
     *
     * @param callId            engine call id
     * @param campaignId        campaign the call belongs to (selects trunk and caller id)
     * @param contactId         contact being dialed
     * @param number            E.164 number to dial
     * @param callerId          display number to present, or {@code null} for the trunk default
     * @param ringTimeoutMillis how long the adapter may let it ring; the core also cancels on its own timer
     *                          ({@link #coreRingTimerMillis})
     *
     * <p>A dial the adapter cannot place (trunk backing off, full, down) is reported with
     * {@link io.pacer.engine.core.EngineInput#callNotPlaced}, never as a failed call: nothing was sent, so the
     * contact must not be charged an attempt.
     */
    void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis);

    /**
     * When, after its dial, the core cancels a call that is still unanswered. By default at the ring timeout
     * itself: the telephony places the call at once and the phone rings from the dial. An adapter that times the
     * ringing on the wire (the ring time counted from the first 180/183, a post-dial limit before it, no count
     * while a dial waits for the trunk's calls-per-second budget) cancels on its own and returns a later
     * backstop here, so that the core's timer never cuts a ring short.
     */
    default long coreRingTimerMillis(long ringTimeoutMillis) {
        return ringTimeoutMillis;
    }

    /**
     * How many new calls {@code campaignId}'s trunk could take now: its free channels, 0 while it backs off
     * after a 503 with Retry-After or is down. Pacing never asks for more, so that a dial is refused (and handed
     * back) only when two decisions race the adapter. Called on the core's thread: an implementation reads state
     * its own thread publishes (volatile fields), never blocks and never allocates. By default, no limit.
     */
    default int placeableNow(int campaignId) {
        return Integer.MAX_VALUE;
    }

    /** Cancels a call that has not been answered yet (ring timeout, campaign stopped). */
    void cancel(long callId);

    /** Connects an answered customer call to an agent's session (switches the media relay). */
    void bridge(long callId, int agentId);

    /** Hangs up the customer leg of a call (agent finished, campaign stopped). The agent session stays up. */
    void hangUp(long callId);

    /**
     * Abandons an answered call that found no agent: plays the identification message the regulators require,
     * then hangs up. Which message is the adapter's configuration (its abandon prompt), not the core's choice.
     */
    void abandon(long callId);

    /**
     * A campaign's answering-machine detection settings, given when the campaign is configured and whenever they
     * change (on the core's thread, before any dial that uses them). An adapter that analyses media keeps them by
     * campaign and analyses the calls of campaigns that have it on; by default, none is analysed.
     */
    default void amdSettings(int campaignId, io.pacer.engine.campaign.AmdSettings settings) {
    }

    /**
     * A machine answered and the campaign drops a message: the adapter waits for the greeting's beep (or its
     * end), plays the campaign's message and hangs up. By default, it just hangs up.
     */
    default void dropMessage(long callId) {
        hangUp(callId);
    }

    /**
     * The core takes the inbound call the adapter offered under {@code inboundKey} as {@code callId} of
     * {@code campaignId}: the adapter
     * lets it ring (180) until {@link #bridge} (answer it, then connect it to the agent) or {@link #hangUp}
     * (refuse it: no agent within the maximum wait), and reports its end with {@code callEnded}. By default the
     * telephony takes no inbound calls.
     */
    default void acceptInbound(long inboundKey, long callId, int campaignId) {
    }

    /**
     * The core refuses the inbound call offered under {@code inboundKey} (no campaign takes that number, none of
     * its agents is logged in, or no call slot is free): the adapter refuses it as it refuses any unknown call.
     */
    default void refuseInbound(long inboundKey) {
    }

    /**
     * Offers a previewed contact to an agent (preview and push-preview modes). The agent answers with an
     * accept, skip or do-not-call event; in preview mode the engine dials once it is accepted.
     */
    void offerPreview(int agentId, long contactId, String number);
}
