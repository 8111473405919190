package io.pacer.engine.campaign;

/**
 * Live state of a campaign for operators: agents by state, calls in flight, the ratios the pacing is running
 * at, and the abandonment so far. An immutable snapshot built on the core's thread.
 */
public record CampaignStats(
        int campaignId,
        String name,
        String dialMode,
        boolean running,
        int agentsLoggedIn,
        int agentsReady,
        int agentsReserved,
        int agentsOnCall,
        int agentsWrapUp,
        int agentsPaused,
        int callsRinging,
        int callsWaitingForAgent,
        double callsPerReadyAgent,
        double callsPerWrapAgent,
        long dials,
        long answers,
        long connects,
        long abandons,
        double abandonRate,
        long busy,
        long noAnswer,
        long failed) {
}
