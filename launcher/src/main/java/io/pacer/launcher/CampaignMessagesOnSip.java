package io.pacer.launcher;

import io.pacer.sip.PacerSipServer;
import io.pacer.sip.media.PromptAudio;
import io.pacer.store.Storage;
import io.pacer.store.compliance.CampaignMessages;

/**
 * Joins storage's campaign messages to the SIP adapter's prompts (issue 12), which may not know each other: every
 * message stored is installed at start, every upload or removal through the API reaches the adapter as it
 * commits, and each abandoned call's message latency goes from the adapter to the journal's attempt record.
 */
final class CampaignMessagesOnSip {

    private CampaignMessagesOnSip() {
    }

    /** Wires {@code sip}'s prompts and latency reports to {@code storage}; before SIP starts. */
    static void wire(Storage storage, PacerSipServer sip) {
        String codec = sip.config().codec();
        CampaignMessages messages = storage.messages();
        sip.prompts().reportTo((callId, campaignId, latencyMicros) ->
                storage.messageLatencies().record(callId, latencyMicros));
        messages.onChange((campaignId, wav) -> sip.prompts().use(campaignId.intValue(),
                wav == null ? null : PromptAudio.of(name(messages, campaignId), wav, codec)));
        for (long id : messages.campaigns()) {
            messages.audio(id).ifPresent(wav -> sip.prompts().use((int) id, PromptAudio.of(name(messages, id), wav, codec)));
        }
    }

    private static String name(CampaignMessages messages, long campaignId) {
        return messages.get(campaignId).map(CampaignMessages.Stored::fileName).orElse("campaign-" + campaignId + ".wav");
    }
}
