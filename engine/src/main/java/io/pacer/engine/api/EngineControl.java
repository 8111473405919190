package io.pacer.engine.api;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.PreviewAnswer;

/**
 * What the API asks of the running core: take a campaign's dial settings, start or stop dialling it, pass on
 * an agent's preview answer. Implementations only publish onto the core's ring; they never wait for it.
 */
public interface EngineControl extends CampaignStatsSource {

    /** Applies (adds or changes) a campaign's dial settings in the core. */
    void configure(CampaignConfig config);

    /** Starts or stops dialling a campaign. */
    void setRunning(int campaignId, boolean running);

    /** An agent's answer to a previewed contact. */
    void previewAnswered(int agentId, long contactId, PreviewAnswer answer);

    /** No core attached (API and storage only). */
    EngineControl NONE = new EngineControl() {
        @Override
        public void configure(CampaignConfig config) {
        }

        @Override
        public void setRunning(int campaignId, boolean running) {
        }

        @Override
        public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        }

        @Override
        public io.pacer.engine.campaign.CampaignStats stats(int campaignId) {
            return null;
        }
    };
}
