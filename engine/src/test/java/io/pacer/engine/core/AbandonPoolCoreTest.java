package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.campaign.AbandonHistory;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.pacing.DialMode;
import org.junit.jupiter.api.Test;

/** Campaigns of one abandonment pool share one budget live: each answer of a member counts in the others'. */
class AbandonPoolCoreTest {
    private static final long DAY_MILLIS = 24 * 3_600_000L;
    private final CoreHarness h = new CoreHarness();

    private static CampaignConfig campaign(int id, String pool) {
        return new CampaignConfig(id, "c" + id, DialMode.POWER, 2.0, 0.0, 0.03, 15_000, 2_000, 100, null)
                .withAbandonHistory(AbandonHistory.empty(DAY_MILLIS).inPool(pool));
    }

    private CampaignStats.Abandonment window(int campaignId) {
        return h.core.stats(campaignId).abandonment();
    }

    /** Campaign 1's agent gets one of two answered calls; the other is abandoned at the connect limit. */
    private void oneBridgedOneAbandoned() {
        h.input.agentLogin(0, 1);
        long first = h.dialed.get(0);
        long second = h.dialed.get(1);
        h.input.callAnswered(first);
        h.input.callAnswered(second);
        h.advanceMillis(2_500);
    }

    @Test
    void anAbandonOfOneMemberIsCountedAtOnceInEveryMembersWindow() {
        h.input.command(core -> core.upsertCampaign(campaign(1, "spring")));
        h.input.command(core -> core.upsertCampaign(campaign(2, "spring")));
        h.input.command(core -> core.upsertCampaign(campaign(3, null)));
        oneBridgedOneAbandoned();
        assertEquals(2, window(1).windowAnswers());
        assertEquals(1, window(1).windowAbandons());
        assertEquals(2, window(2).windowAnswers(), "the pool's other member counts the answers live");
        assertEquals(1, window(2).windowAbandons());
        assertEquals(window(1).windowAbandonsLeft(), window(2).windowAbandonsLeft(), 1e-9, "one budget left");
        assertEquals(0, window(3).windowAnswers(), "a campaign outside the pool counts nothing of it");
        assertEquals(0, h.core.stats(2).answers(), "the member's own call counters stay its own");
    }

    @Test
    void aCampaignThatLeavesThePoolStopsCountingItsMembersCalls() {
        h.input.command(core -> core.upsertCampaign(campaign(1, "spring")));
        h.input.command(core -> core.upsertCampaign(campaign(2, "spring")));
        h.input.command(core -> core.upsertCampaign(campaign(2, null)));
        oneBridgedOneAbandoned();
        assertEquals(1, window(1).windowAbandons());
        assertEquals(0, window(2).windowAnswers(), "out of the pool: its own window only");
    }

    @Test
    void joiningAPoolLiveSeedsTheBudgetWithThePoolsWindow() {
        h.input.command(core -> core.upsertCampaign(campaign(2, null)));
        long now = h.epochMillis();
        AbandonHistory pool = new AbandonHistory(DAY_MILLIS, new long[] {now - 3_600_000L}, new long[] {100},
                new long[] {2}).inPool("spring");
        h.input.command(core -> core.upsertCampaign(campaign(2, null).withAbandonHistory(pool)));
        assertEquals(100, window(2).windowAnswers(), "the pool's stored window, not the campaign's own count");
        assertEquals(2, window(2).windowAbandons());
    }
}
