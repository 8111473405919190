package io.pacer.engine.control;

import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentView;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.AgentSessions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link EngineControl} over the live core's ring: commands are published, stats are queried on the core's
 * thread. A login goes through the agents' phone sessions: the core hears it here only when no phone is needed,
 * otherwise from the session's owner once the phone has answered. A logout goes to the core, which ends the
 * phone's session when the logout takes effect.
 */
public final class RingEngineControl implements EngineControl {

    private final EngineRing ring;
    private final AgentSessions sessions;

    /** Control of the core behind {@code ring}, with no phone sessions to manage. */
    public RingEngineControl(EngineRing ring) {
        this(ring, AgentSessions.NONE);
    }

    /** Control of the core behind {@code ring}; logins and logouts open and close {@code sessions}. */
    public RingEngineControl(EngineRing ring, AgentSessions sessions) {
        this.ring = ring;
        this.sessions = sessions;
        ring.command(core -> core.agentSessions(sessions));
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
    public void previewAnswered(int agentId, long contactId, PreviewAnswer answer, String callerId) {
        ring.previewAnswered(agentId, contactId, answer, callerId);
    }

    @Override
    public AgentSessions.Opening agentLogin(int agentId, int campaignId) {
        AgentSessions.Opening opening = sessions.open(agentId, campaignId);
        if (opening == AgentSessions.Opening.NOT_NEEDED) {
            ring.agentLogin(agentId, campaignId);
        }
        return opening;
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
    public void agentPause(int agentId, int reasonCode) {
        ring.agentPause(agentId, reasonCode);
    }

    @Override
    public void agentLeavesIn(int agentId, long inMillis) {
        long inNanos = inMillis == Long.MAX_VALUE ? Long.MAX_VALUE : inMillis * 1_000_000L;
        ring.command(core -> core.agentLeavesIn(agentId, inNanos));
    }

    @Override
    public void agentHangUp(int agentId) {
        ring.agentHangUp(agentId);
    }

    @Override
    public void previewRequested(int agentId) {
        ring.previewRequested(agentId);
    }

    @Override
    public AgentView agentView(int agentId) {
        return queryWithinASecond(core -> core.agentView(agentId));
    }

    @Override
    public void agentRules(int campaignId, AgentRules rules) {
        ring.command(core -> core.agentRules(campaignId, rules));
    }

    @Override
    public void inboundRules(int campaignId, io.pacer.engine.campaign.InboundRules rules) {
        ring.command(core -> core.inboundRules(campaignId, rules));
    }

    @Override
    public void responsibles(int campaignId, Responsibles responsibles) {
        ring.command(core -> core.responsibles(campaignId, responsibles));
    }

    @Override
    public AgentState agentState(int agentId) {
        // In ring order: the answer reflects every command published before, such as a ready just sent.
        return queryWithinASecond(core -> core.agentState(agentId));
    }

    @Override
    public AgentFigures[] agentFigures(int[] agentIds) {
        AgentFigures[] rows = queryWithinASecond(core -> {
            AgentFigures[] out = new AgentFigures[agentIds.length];
            for (int i = 0; i < agentIds.length; i++) {
                out[i] = core.agentFigures(agentIds[i]);
            }
            return out;
        });
        return rows == null ? new AgentFigures[agentIds.length] : rows;
    }

    @Override
    public CampaignStats stats(int campaignId) {
        return queryWithinASecond(core -> core.stats(campaignId));
    }

    /** Runs a read on the core's thread; {@code null} when the core does not answer within a second. */
    private <T> T queryWithinASecond(java.util.function.Function<io.pacer.engine.core.EngineCore, T> read) {
        try {
            return ring.query(read).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    @Override
    public void awaitEventsHandled(long timeoutMillis) {
        // The ring is handled in order: once this query has run, every event published before it has too.
        try {
            ring.query(core -> Boolean.TRUE).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A stalled core: the caller goes on with what has reached storage.
        }
    }
}
