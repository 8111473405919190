package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.pacing.DialMode;
import io.pacer.pacing.DialPolicy;
import io.pacer.pacing.PacingDecision;
import io.pacer.pacing.PacingInput;
import io.pacer.pacing.PowerPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How often a campaign decides: events coalesce within a window, idle ready agents do not wait for it. */
class CampaignPacingTest {
    private static final long WINDOW_MS = CampaignPacing.COALESCE_NANOS / CoreHarness.MS;
    private static final long TICK_MS = 200;
    /** A tick far off, so that only events and the deferred timer decide. */
    private CoreHarness h = new CoreHarness(10_000);
    private final CountingPolicy policy = new CountingPolicy(new PowerPolicy(3.0, 0.0));

    private void powerCampaignWithOneAgent() {
        CampaignConfig config = new CampaignConfig(1, "test", DialMode.POWER, 3.0, 0.0, 0.03, 15_000, 2_000, 100,
                null);
        h.input.command(core -> core.upsertCampaign(config).usePolicy(policy));
        h.input.agentLogin(0, 1);
    }

    @Test
    void eventsInsideTheWindowAreDecidedOnceAtItsEnd() {
        powerCampaignWithOneAgent();
        assertEquals(3, h.dialed.size(), "three calls per ready agent at login");
        int decisionsAtLogin = policy.decisions;
        List<Long> first = List.copyOf(h.dialed);
        h.advanceMillis(10);
        h.input.callFailed(first.get(0), CallOutcome.NO_ANSWER);
        h.advanceMillis(10);
        h.input.callFailed(first.get(1), CallOutcome.BUSY);
        h.advanceMillis(WINDOW_MS - 21);
        assertEquals(3, h.dialed.size(), "inside the window the failed calls are not yet replaced");
        assertEquals(decisionsAtLogin, policy.decisions, "no decision inside the window");
        h.advanceMillis(1);
        assertEquals(5, h.dialed.size(), "at the window's end both are replaced");
        assertEquals(decisionsAtLogin + 1, policy.decisions, "two events, one decision");
    }

    @Test
    void aReadyAgentWithNoCallOnItsWayIsDialledAtOnce() {
        powerCampaignWithOneAgent();
        List<Long> first = List.copyOf(h.dialed);
        h.advanceMillis(10);
        for (long call : first) {
            h.input.callFailed(call, CallOutcome.NO_ANSWER);
        }
        assertEquals(6, h.dialed.size(), "the last failure left the agent with nothing in flight: dial now");
    }

    @Test
    void anEventAfterTheWindowDecidesAtOnce() {
        powerCampaignWithOneAgent();
        long call = h.dialed.get(0);
        h.advanceMillis(WINDOW_MS);
        h.input.callFailed(call, CallOutcome.NO_ANSWER);
        assertEquals(4, h.dialed.size());
    }

    @Test
    void theTickDecidesOnlyForCampaignsThatHaveNotDecidedWithinTheWindow() {
        h = new CoreHarness(TICK_MS);
        powerCampaignWithOneAgent();
        h.advanceMillis(TICK_MS - 10);
        for (long call : List.copyOf(h.dialed)) {
            h.input.callFailed(call, CallOutcome.NO_ANSWER);
        }
        int decided = policy.decisions;
        h.advanceMillis(10);
        assertEquals(decided, policy.decisions, "the tick 10 ms after a decision finds it fresh");
        h.advanceMillis(2 * TICK_MS);
        assertTrue(policy.decisions > decided, "with nothing happening, later ticks decide");
    }

    /** A policy that counts its decisions. */
    private static final class CountingPolicy implements DialPolicy {
        private final DialPolicy inner;
        int decisions;

        CountingPolicy(DialPolicy inner) {
            this.inner = inner;
        }

        @Override
        public void decide(PacingInput in, PacingDecision out) {
            decisions++;
            inner.decide(in, out);
        }

        @Override
        public String name() {
            return "counting";
        }
    }
}
