package io.pacer.sip.media;

import io.pacer.detect.AmdParameters;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.core.EngineInput;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which campaigns have answering-machine detection on, with their parameters: the engine's thread writes it
 * when a campaign is configured (through {@code Telephony.amdSettings}), the SIP worker reads it when it opens a
 * call's relay port, and gives the port a {@link MediaAnalysis} only for those campaigns. A campaign with AMD
 * off costs its calls nothing but one null check per packet.
 */
public final class AmdCampaigns {

    private final ConcurrentHashMap<Integer, AmdParameters> on = new ConcurrentHashMap<>();
    private volatile EngineInput input;

    /** Where the verdicts go (set at start, before any dial). */
    public void input(EngineInput engineInput) {
        this.input = engineInput;
    }

    /** A campaign's settings, on or off. */
    public void set(int campaignId, AmdSettings settings) {
        if (!settings.enabled()) {
            on.remove(campaignId);
            return;
        }
        on.put(campaignId, new AmdParameters(settings.initialSilenceMillis(), settings.greetingMillis(),
                settings.afterGreetingSilenceMillis(), settings.totalAnalysisMillis(), settings.minWordLengthMillis(),
                settings.betweenWordsSilenceMillis(), settings.maxWords(), settings.silenceThreshold(),
                settings.maxWordLengthMillis()));
    }

    /** A new analysis for a call of the campaign, or {@code null} when the campaign does not analyse its calls. */
    public MediaAnalysis analysisFor(int campaignId, long callId) {
        AmdParameters parameters = on.get(campaignId);
        EngineInput to = input;
        return parameters == null || to == null ? null : new MediaAnalysis(callId, parameters, to);
    }
}
