package io.pacer.engine.control;

import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentView;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.Responsibles;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.AgentSessions;

/**
 * What the API asks of the running core: take a campaign's dial settings, start or stop dialing it, pass on
 * an agent's preview answer. Implementations only publish onto the core's ring; they never wait for it.
 */
public interface EngineControl extends CampaignStatsSource {

    /** Applies (adds or changes) a campaign's dial settings in the core. */
    void configure(CampaignConfig config);

    /** Starts or stops dialing a campaign. */
    void setRunning(int campaignId, boolean running);

    /** An agent's answer to a previewed contact. */
    void previewAnswered(int agentId, long contactId, PreviewAnswer answer);

    /** An agent's answer to a previewed contact, with the display number it chose ({@code null}: the suggested one). */
    default void previewAnswered(int agentId, long contactId, PreviewAnswer answer, String callerId) {
        previewAnswered(agentId, contactId, answer);
    }

    /**
     * An agent logs in to a campaign (already checked to be one of its responsibles) and is ready. When the
     * agent needs a phone session, the engine hears of the login only once the session is up.
     *
     * @return what became of the agent's phone session; when {@link AgentSessions.Opening#accepted()} is false
     *         the engine was told nothing
     */
    AgentSessions.Opening agentLogin(int agentId, int campaignId);

    /** An agent is ready for the next call (wrap-up finished, pause over). */
    void agentReady(int agentId);

    /** An agent pauses. */
    void agentPause(int agentId);

    /** An agent logs out (after its call, if it is on one); its phone session ends with the logout. */
    void agentLogout(int agentId);

    /** An agent pauses for a reason: a code from 1 to 999 whose meaning the operator chose (0: none). */
    default void agentPause(int agentId, int reasonCode) {
        agentPause(agentId);
    }

    /**
     * Notice that an agent will leave {@code inMillis} from now (a break, the end of its shift): pacing stops
     * counting on it one ring timeout plus connect limit before ({@code EngineCore#agentLeavesAt});
     * {@link Long#MAX_VALUE} withdraws the notice.
     */
    default void agentLeavesIn(int agentId, long inMillis) {
    }

    /** The agent ends its customer call; its phone session stays up. */
    default void agentHangUp(int agentId) {
    }

    /** A ready agent of a preview campaign asks for the next record. */
    default void previewRequested(int agentId) {
    }

    /**
     * The agent as the core sees it once every event published before this call has been handled, or
     * {@code null} when no core is attached or it did not answer in time.
     */
    default AgentView agentView(int agentId) {
        return null;
    }

    /** Sets the timers on a campaign's agents (preview offer, missed offers, wrap-up limit). */
    default void agentRules(int campaignId, AgentRules rules) {
    }

    /** Sets how a campaign takes customers' inbound calls (numbers, maximum wait, agents held back). */
    default void inboundRules(int campaignId, io.pacer.engine.campaign.InboundRules rules) {
    }

    /** Sets who may log in to a campaign; agents no longer named are logged out. */
    default void responsibles(int campaignId, Responsibles responsibles) {
    }

    /**
     * The agent's state in the core once every event published before this call has been handled (so right
     * after {@link #agentReady} it tells whether the agent became ready), or {@code null} when no core is
     * attached or it did not answer in time. The API reports this instead of echoing what was asked.
     */
    default AgentState agentState(int agentId) {
        return null;
    }

    /**
     * Many agents' grid rows (state, today's calls and averages, last logout's reason) in one question to the
     * core (the console's floor asks for every agent each second: one round trip instead of one per agent); an
     * entry is {@code null} when no core can tell.
     */
    default AgentFigures[] agentFigures(int[] agentIds) {
        return new AgentFigures[agentIds.length];
    }

    /**
     * Waits, up to {@code timeoutMillis}, until the core has handled every event published before this call
     * (a call's end reported by the SIP adapter, say), so that what the core wrote for them is on its way to
     * the journal. Without a core there is nothing to wait for.
     */
    default void awaitEventsHandled(long timeoutMillis) {
    }

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
        public AgentSessions.Opening agentLogin(int agentId, int campaignId) {
            return AgentSessions.Opening.NOT_NEEDED;
        }

        @Override
        public void agentReady(int agentId) {
        }

        @Override
        public void agentPause(int agentId) {
        }

        @Override
        public void agentLogout(int agentId) {
        }

        @Override
        public io.pacer.engine.campaign.CampaignStats stats(int campaignId) {
            return null;
        }
    };
}
