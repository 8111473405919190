package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.CampaignCounters;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dial the adapter could not place (trunk backing off after a 503, full, down, or still queued for the
 * calls-per-second cap when the core gave up) is undone as if never dialled: the contact goes back untouched,
 * nothing is journalled, the dial is not counted, and the campaign waits out the trunk's back-off.
 */
class CallNotPlacedTest {
    private final CoreHarness h = new CoreHarness();

    private long firstDialOfAProgressiveCampaign() {
        h.campaign(DialMode.PROGRESSIVE);
        h.input.agentLogin(0, 1);
        assertEquals(1, h.dialed.size());
        return h.lastDial();
    }

    @Test
    void unplacedDialGivesItsContactBackWithNoRecordAndNoDialCounted() {
        long call = firstDialOfAProgressiveCampaign();
        h.input.callNotPlaced(call, 5_000);
        assertEquals(1, h.givenBack.size(), "the contact must go back to the supply");
        assertEquals(100L, h.givenBack.get(0));
        assertTrue(h.records.isEmpty(), "a call never placed must leave no record: " + h.records.size());
        CampaignCounters counters = h.core.campaign(1).counters;
        assertEquals(0, counters.get(CampaignCounters.DIALS));
        assertEquals(1, counters.get(CampaignCounters.NOT_PLACED));
        assertEquals(1, counters.get(CampaignCounters.DIALS_HELD));
        assertEquals(0, h.core.stats(1).callsRinging());
    }

    @Test
    void onlyACallTheAdapterPlacedIsJournalledAsPlacedAndOnlyWhileItLives() {
        long call = firstDialOfAProgressiveCampaign();
        assertTrue(h.placed.isEmpty(), "dialling is not placing: the INVITE may still wait for the trunk");
        h.input.callPlaced(call);
        assertEquals(1, h.placed.size());
        assertEquals(List.of(call, 1L, 100L), List.of(h.placed.get(0)[0], h.placed.get(0)[1], h.placed.get(0)[2]),
                "call id, campaign id and contact id of the placed call");
        h.input.callFailed(call, io.pacer.engine.call.CallOutcome.BUSY);
        h.input.callPlaced(call);
        assertEquals(1, h.placed.size(), "a late report about a call already finished is ignored");

        long unplaced = h.lastDial();
        assertTrue(unplaced != call, "the agent is ready again, so the campaign dialled the next contact");
        h.input.callNotPlaced(unplaced, 0);
        h.input.callPlaced(unplaced);
        assertEquals(1, h.placed.size(), "a call undone as never placed is never journalled as placed");
    }

    @Test
    void campaignPlacesNothingDuringTheTrunksBackOffAndDialsAgainAfterIt() {
        long call = firstDialOfAProgressiveCampaign();
        h.input.callNotPlaced(call, 5_000);
        h.input.agentPause(0);
        h.input.agentReady(0);
        h.advanceMillis(4_500);
        assertEquals(1, h.dialed.size(), "no dial while the trunk backs off: " + h.commands);
        h.advanceMillis(1_000);
        assertEquals(2, h.dialed.size(), "dialling resumes once the back-off is over: " + h.commands);
        assertEquals(0, h.core.campaign(1).counters.get(CampaignCounters.DIALS_HELD));
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.DIALS));
    }

    @Test
    void callStillQueuedAtTheCoresRingTimerGoesBackUntouched() {
        long call = firstDialOfAProgressiveCampaign();
        h.advanceMillis(15_000);
        assertTrue(h.commands.contains("cancel " + call), h.commands.toString());
        // The adapter had not sent the INVITE yet: it reports the call as never placed.
        h.input.callNotPlaced(call, 0);
        assertTrue(h.records.isEmpty(), "a queued call must not be booked NO_ANSWER");
        assertEquals(1, h.givenBack.size());
        h.advanceMillis(40_000);
        assertTrue(h.records.isEmpty(), "the cancel guard must not book the undone call either");
    }

    @Test
    void pacingNeverAsksForMoreThanTheTrunkCanTake() {
        h.trunkRoom = 2;
        h.input.command(c -> c.upsertCampaign(new io.pacer.engine.campaign.CampaignConfig(1, "test", DialMode.POWER,
                4.0, 0.0, 0.03, 15_000, 2_000, 100, null)));
        h.input.agentLogin(0, 1);
        assertEquals(2, h.dialed.size(), "four wanted, two channels free: " + h.commands);
        h.trunkRoom = 0;
        h.advanceMillis(1_000);
        assertEquals(2, h.dialed.size(), "a trunk backing off or full is asked for nothing");
        assertEquals(1, h.core.campaign(1).counters.get(CampaignCounters.DIALS_HELD));
        assertTrue(h.core.stats(1).dialsHeld(), "the campaign's stats show the trunk holding its dials");
        assertTrue(h.givenBack.isEmpty(), "no contact taken only to be handed back");
        h.trunkRoom = Integer.MAX_VALUE;
        h.advanceMillis(500);
        assertEquals(4, h.dialed.size(), "dialling resumes once the trunk has room");
        assertEquals(0, h.core.campaign(1).counters.get(CampaignCounters.DIALS_HELD));
    }

    @Test
    void notPlacedAfterRingingIsIgnored() {
        long call = firstDialOfAProgressiveCampaign();
        h.input.callRinging(call);
        h.input.callNotPlaced(call, 5_000);
        assertTrue(h.givenBack.isEmpty(), "a call that rang was placed; its contact is not given back");
        assertEquals(1, h.core.stats(1).callsRinging());
    }
}
