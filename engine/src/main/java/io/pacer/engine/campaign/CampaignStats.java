package io.pacer.engine.campaign;

/**
 * Live state of a campaign for operators: agents by state, calls in flight, the ratios the pacing is running
 * at, and the abandonment so far. {@code dialsHeld} is true while the campaign's trunk cannot take a call (backing
 * off after a 503 with Retry-After, full or down), and {@code notPlaced} counts the dials handed back unplaced
 * (never charged to a contact). An immutable snapshot built on the core's thread.
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
        long failed,
        boolean dialsHeld,
        long notPlaced) {
}
