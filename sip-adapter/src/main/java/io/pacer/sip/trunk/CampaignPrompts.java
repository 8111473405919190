package io.pacer.sip.trunk;

import io.pacer.sip.media.PromptAudio;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identification message each campaign's abandoned customers hear (issue 12: the seller's name, a number to
 * call back, how to opt out, so it must be the campaign's own, not one server-wide recording). Set by whoever
 * starts or edits a campaign, on any thread; read by the SIP worker when it abandons a call. A campaign with no
 * prompt of its own gets the server's ({@code sip.abandonMessageFile}, or the tone).
 *
 * <p>A concurrent map rather than a field per call: an abandon is rare beside the packets and signalling of a
 * call, and the prompt must change for calls already in flight when an operator uploads a new one.
 */
public final class CampaignPrompts {
    private final ConcurrentHashMap<Integer, PromptAudio> byCampaign = new ConcurrentHashMap<>();

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
}
