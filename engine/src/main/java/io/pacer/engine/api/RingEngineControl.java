package io.pacer.engine.api;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.PreviewAnswer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link EngineControl} over the live core's ring: commands are published, stats are queried on the core's thread. */
public final class RingEngineControl implements EngineControl {

    private final EngineRing ring;

    /** Control of the core behind {@code ring}. */
    public RingEngineControl(EngineRing ring) {
        this.ring = ring;
    }

    @Override
    public void configure(CampaignConfig config) {
        ring.command(core -> core.upsertCampaign(config));
    }

    @Override
    public void setRunning(int campaignId, boolean running) {
        ring.command(core -> core.setRunning(campaignId, running));
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        ring.previewAnswered(agentId, contactId, answer);
    }

    @Override
    public void agentLogin(int agentId, int campaignId) {
        ring.agentLogin(agentId, campaignId);
    }

    @Override
    public void agentReady(int agentId) {
        ring.agentReady(agentId);
    }

    @Override
    public void agentPause(int agentId) {
        ring.agentPause(agentId);
    }

    @Override
    public void agentLogout(int agentId) {
        ring.agentLogout(agentId);
    }

    @Override
    public CampaignStats stats(int campaignId) {
        try {
            return ring.query(core -> core.stats(campaignId)).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
