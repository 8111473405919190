package io.pacer.engine.campaign;

/**
 * Live state of a campaign for operators: agents by state, calls in flight, the ratios the pacing is running
 * at, and the abandonment so far. {@code dialsHeld} is true while the campaign's trunk cannot take a call (backing
 * off after a 503 with Retry-After, full or down), and {@code notPlaced} counts the dials handed back unplaced
 * (never charged to a contact). The abandonment is also given over the regulator's window. An immutable
 * snapshot built on the core's thread.
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
        long notPlaced,
        Abandonment abandonment,
        Amd amd) {

    /** A snapshot of a campaign that does not run answering-machine detection. */
    public CampaignStats(int campaignId, String name, String dialMode, boolean running, int agentsLoggedIn,
            int agentsReady, int agentsReserved, int agentsOnCall, int agentsWrapUp, int agentsPaused, int callsRinging,
            int callsWaitingForAgent, double callsPerReadyAgent, double callsPerWrapAgent, long dials, long answers,
            long connects, long abandons, double abandonRate, long busy, long noAnswer, long failed, boolean dialsHeld,
            long notPlaced, Abandonment abandonment) {
        this(campaignId, name, dialMode, running, agentsLoggedIn, agentsReady, agentsReserved, agentsOnCall,
                agentsWrapUp, agentsPaused, callsRinging, callsWaitingForAgent, callsPerReadyAgent, callsPerWrapAgent,
                dials, answers, connects, abandons, abandonRate, busy, noAnswer, failed, dialsHeld, notPlaced,
                abandonment, Amd.OFF);
    }

    /**
     * Answering-machine detection since the engine started (docs/amd.md): calls held for a verdict now, the
     * verdicts by kind, and the estimate of live answers classed machine (the Ofcom false-positive estimate,
     * docs/compliance.md), each of which is counted as an abandoned answer in {@code abandonment}.
     *
     * @param enabled                  whether the campaign analyses its answers
     * @param listening                calls held for a verdict now
     * @param humans                   HUMAN verdicts
     * @param machines                 MACHINE verdicts
     * @param notSure                  NOTSURE and SILENCE verdicts (the connect limit's included)
     * @param tones                    fax, busy and SIT verdicts
     * @param falsePositiveRate        the campaign's estimate of the share of live answers classed machine
     * @param estimatedFalsePositives  live answers estimated lost to it, counted as abandoned
     */
    public record Amd(boolean enabled, long listening, long humans, long machines, long notSure, long tones,
            double falsePositiveRate, long estimatedFalsePositives) {

        /** Detection off and nothing heard. */
        public static final Amd OFF = new Amd(false, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Abandonment as the regulator measures it, over its window (history from before a restart included), and
     * over the short spans operators watch.
     *
     * @param windowMillis      the regulator's window
     * @param cap               the campaign's cap on abandoned / answered
     * @param windowAnswers     live answers in the window
     * @param windowAbandons    abandoned answers in the window (hung up waiting included)
     * @param windowRate        abandoned / answered in the window
     * @param windowAbandonsLeft abandons the cap still allows in the window (negative when over)
     * @param rate5Minutes      abandoned / answered over the last 5 minutes
     * @param rate1Hour         over the last hour
     * @param rate24Hours       over the last 24 hours
     */
    public record Abandonment(long windowMillis, double cap, long windowAnswers, long windowAbandons, double windowRate,
            double windowAbandonsLeft, double rate5Minutes, double rate1Hour, double rate24Hours) {
    }
}
