package io.pacer.engine.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.metrics.EngineMetrics;
import io.pacer.engine.port.AgentSessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes the API's requests on to the core and publishes what the core does on the API's meter registry: the
 * quantiles of the core's share of answer-to-bridge, and each campaign's counters once the campaign has reached the core.
 * Campaigns configured before a registry is attached (resumed at start-up) are bound when it is.
 */
public final class MeteredEngineControl implements EngineControl {
    private final EngineControl inner;
    private final EngineRing ring;
    private final Map<Integer, String> configured = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> bound = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /** Wraps {@code inner}, which talks to the core behind {@code ring}. */
    public MeteredEngineControl(EngineControl inner, EngineRing ring) {
        this.inner = inner;
        this.ring = ring;
    }

    /** Starts publishing to {@code r}. */
    public void attach(MeterRegistry r) {
        registry = r;
        EngineMetrics.bindCoreAnswerToBridge(r, ring.coreAnswerToBridge());
        configured.forEach((id, name) -> bind(r, id, name));
    }

    @Override
    public void configure(CampaignConfig config) {
        inner.configure(config);
        configured.putIfAbsent(config.id(), config.name());
        MeterRegistry r = registry;
        if (r != null) {
            bind(r, config.id(), configured.get(config.id()));
        }
    }

    private void bind(MeterRegistry r, int id, String name) {
        if (bound.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        // Read on the core's thread: the campaign object (and its counters) belongs to the core.
        ring.query(core -> core.campaign(id)).thenAccept(c -> {
            if (c != null) {
                EngineMetrics.bindCampaign(r, name + "#" + id, c.counters);
            }
        });
    }

    @Override
    public void setRunning(int campaignId, boolean running) {
        inner.setRunning(campaignId, running);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer) {
        inner.previewAnswered(agentId, contactId, answer);
    }

    @Override
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer, String callerId) {
        inner.previewAnswered(agentId, contactId, answer, callerId);
    }

    @Override
    public AgentSessions.Opening agentLogin(int agentId, int campaignId) {
        return inner.agentLogin(agentId, campaignId);
    }

    @Override
    public void agentReady(int agentId) {
        inner.agentReady(agentId);
    }

    @Override
    public void agentPause(int agentId) {
        inner.agentPause(agentId);
    }

    @Override
    public void agentPause(int agentId, int reasonCode) {
        inner.agentPause(agentId, reasonCode);
    }

    @Override
    public void agentLeavesIn(int agentId, long inMillis) {
        inner.agentLeavesIn(agentId, inMillis);
    }

    @Override
    public void agentHangUp(int agentId) {
        inner.agentHangUp(agentId);
    }

    @Override
    public void previewRequested(int agentId) {
        inner.previewRequested(agentId);
    }

    @Override
    public io.pacer.engine.agent.AgentView agentView(int agentId) {
        return inner.agentView(agentId);
    }

    @Override
    public void agentRules(int campaignId, io.pacer.engine.campaign.AgentRules rules) {
        inner.agentRules(campaignId, rules);
    }

    @Override
    public void inboundRules(int campaignId, io.pacer.engine.campaign.InboundRules rules) {
        inner.inboundRules(campaignId, rules);
    }

    @Override
    public void responsibles(int campaignId, io.pacer.engine.campaign.Responsibles responsibles) {
        inner.responsibles(campaignId, responsibles);
    }

    @Override
    public void awaitEventsHandled(long timeoutMillis) {
        inner.awaitEventsHandled(timeoutMillis);
    }

    @Override
    public void agentLogout(int agentId) {
        inner.agentLogout(agentId);
    }

    @Override
    public io.pacer.engine.agent.AgentState agentState(int agentId) {
        return inner.agentState(agentId);
    }

    @Override
    public io.pacer.engine.agent.AgentFigures[] agentFigures(int[] agentIds) {
        return inner.agentFigures(agentIds);
    }

    @Override
    public CampaignStats stats(int campaignId) {
        return inner.stats(campaignId);
    }
}
