package io.pacer.engine.core;

/**
 * Sizes fixed when the core starts, so that the tables are allocated once and never grow on the hot path.
 *
 * @param maxAgents        agent ids are {@code 0 .. maxAgents-1}
 * @param maxCalls         call slots (calls in flight and connected at once, over all campaigns)
 * @param maxCampaigns     campaign ids are {@code 1 .. maxCampaigns-1}
 * @param pacingTickMillis how often every campaign is paced even when nothing happens (forecasts age)
 */
public record EngineLimits(int maxAgents, int maxCalls, int maxCampaigns, long pacingTickMillis) {

    /** Checks the sizes; the message names the one that is wrong. */
    public EngineLimits {
        if (maxAgents < 1 || maxAgents > 1_000_000) {
            throw new IllegalArgumentException("maxAgents: must be within 1..1000000, was " + maxAgents);
        }
        if (maxCalls < 1 || maxCalls > io.pacer.engine.call.CallTable.MAX_CAPACITY) {
            throw new IllegalArgumentException("maxCalls: must be within 1.." + io.pacer.engine.call.CallTable.MAX_CAPACITY
                    + ", was " + maxCalls);
        }
        if (maxCampaigns < 2 || maxCampaigns > 100_000) {
            throw new IllegalArgumentException("maxCampaigns: must be within 2..100000, was " + maxCampaigns);
        }
        if (pacingTickMillis < 1 || pacingTickMillis > 10_000) {
            throw new IllegalArgumentException("pacingTickMillis: must be within 1..10000, was " + pacingTickMillis);
        }
    }

    /** Room for 2,000 agents, 20,000 calls and 256 campaigns, paced at least every 200 ms. */
    public static EngineLimits defaults() {
        return new EngineLimits(2_000, 20_000, 256, 200);
    }
}
