package io.pacer.sip.trunk;

import io.pacer.sip.media.PromptAudio;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identification message each campaign's abandoned customers hear (issue 12: the seller's name, a number to
 * call back, how to opt out, so it must be the campaign's own, not one server-wide recording), and where the time
 * each message began is reported. Set by whoever starts or edits a campaign, on any thread; read by the SIP worker
 * when it abandons a call. A campaign with no prompt of its own gets the server's ({@code sip.abandonMessageFile},
 * or the tone).
 *
 * <p>A concurrent map rather than a field per call: an abandon is rare beside the packets and signalling of a
 * call, and the prompt must change for calls already in flight when an operator uploads a new one.
 */
public final class CampaignPrompts {

    /** Told, on the SIP worker's thread and before the engine hears the call ended, when a message began. */
    @FunctionalInterface
    public interface MessageStarts {
        /** Call {@code callId} of {@code campaignId}: its message's first packet left {@code latencyMicros} after the 200 OK. */
        void started(long callId, int campaignId, long latencyMicros);
    }

    private final ConcurrentHashMap<Integer, PromptAudio> byCampaign = new ConcurrentHashMap<>();
    private volatile MessageStarts starts = (callId, campaignId, latencyMicros) -> { };

    /** From now on {@code campaignId}'s abandoned customers hear {@code prompt}; {@code null} forgets it. */
    public void use(int campaignId, PromptAudio prompt) {
        if (prompt == null) {
            byCampaign.remove(campaignId);
        } else {
            byCampaign.put(campaignId, prompt);
        }
    }

    /** The campaign's own prompt, or {@code null} when it has none (the server's default then plays). */
    public PromptAudio of(int campaignId) {
        return byCampaign.get(campaignId);
    }

    /** Where each abandoned call's message latency goes (the journal's attempt record, in Pacer). */
    public void reportTo(MessageStarts sink) {
        this.starts = sink;
    }

    void messageStarted(long callId, int campaignId, long latencyMicros) {
        starts.started(callId, campaignId, latencyMicros);
    }
}
