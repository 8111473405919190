package io.pacer.sip;

import io.pacer.engine.campaign.AmdSettings;
import io.pacer.sip.media.AmdCampaigns;

import io.pacer.engine.core.EngineInput;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.media.BridgeIndex;
import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.trunk.TrunkRoute;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The engine's {@link Telephony} port over SIP. Each method claims a pre-allocated slot on the adapter's
 * work ring, fills it and returns: nothing blocks and nothing is allocated on the engine's thread. The SIP
 * worker thread carries the command out. {@link #bridge} is the exception that matters: it switches the
 * relay at once through {@link BridgeIndex}, so that the answer-to-bridge time has no queue in it.
 *
 * <p>When the ring is full, a dial is handed back to the engine as not placed, from another thread (never re-entering the
 * engine from its own thread); other commands are dropped and counted as refused.
 */
public final class SipTelephony implements Telephony {

    /** Slack beyond the adapter's own ring timing before the core's backstop ring timer fires. */
    private static final long CORE_RING_TIMER_SLACK_MILLIS = 5_000;

    /** How long the engine holds a campaign's dials when the work ring was full. */
    private static final long RING_FULL_HOLD_MILLIS = 200;

    private final SipWorkRing ring;
    private final Executor failureReporter;
    private final BridgeIndex index;
    private final long longestPostDialLimitMillis;
    private volatile EngineInput input;
    /** Each campaign's route of trunks, and the dials published per route: from construction, so that none is missed. */
    private final Routes routes;
    /** Each route's published state, by {@link SipConfig#routes}'s order; set once at start. */
    private volatile TrunkRoute[] trunkRoutes;
    /** The campaigns whose calls' media is analysed. */
    final AmdCampaigns amdCampaigns = new AmdCampaigns();

    SipTelephony(SipWorkRing ring, Executor failureReporter, BridgeIndex index, SipConfig config) {
        this.index = index;
        this.ring = ring;
        this.failureReporter = failureReporter;
        long longest = 0;
        for (SipConfig.TrunkConfig t : config.trunks()) {
            longest = Math.max(longest, t.postDialLimitMillis());
        }
        this.longestPostDialLimitMillis = longest;
        this.routes = new Routes(config);
    }

    void input(EngineInput engineInput) {
        this.input = engineInput;
        amdCampaigns.input(engineInput);
    }

    /** Learns the routes' live state, so that {@link #placeableNow} reads what their trunks can take. */
    void routes(List<TrunkRoute> live) {
        trunkRoutes = live.toArray(new TrunkRoute[0]);
    }

    /**
     * What the campaign's trunks can take now together (none that is down or backing off), less the dials already
     * published to the worker that it has not taken yet: two pacing decisions in a row must not both count the
     * same free channel. Volatile reads and plain counters of the engine's thread; no allocation.
     */
    @Override
    public int placeableNow(int campaignId) {
        TrunkRoute[] all = trunkRoutes;
        if (all == null) {
            return Integer.MAX_VALUE;
        }
        int route = routes.routeOf(campaignId);
        long inTransit = routes.dialsPublished[route] - all[route].dialsTaken();
        return (int) Math.max(0, all[route].placeableNow() - inTransit);
    }

    /**
     * Campaign to route, as {@link SipConfig#routeOf} says, and the dials the engine's thread has published per
     * route (written and read by that thread alone).
     */
    private static final class Routes {
        final int[] routeOfCampaign;
        final long[] dialsPublished;

        Routes(SipConfig config) {
            dialsPublished = new long[config.routes().size()];
            int maxCampaign = 0;
            for (SipConfig.TrunkConfig t : config.trunks()) {
                for (int campaign : t.campaigns()) {
                    maxCampaign = Math.max(maxCampaign, campaign);
                }
            }
            routeOfCampaign = new int[maxCampaign + 2];
            for (int campaign = 0; campaign < routeOfCampaign.length; campaign++) {
                routeOfCampaign[campaign] = config.routeOf(campaign);
            }
        }

        /** Ids no trunk lists take the default route, like the array's last slot (one past every listed id). */
        int routeOf(int campaignId) {
            int slot = campaignId >= 0 && campaignId < routeOfCampaign.length ? campaignId : routeOfCampaign.length - 1;
            return routeOfCampaign[slot];
        }
    }

    @Override
    public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        // Counted before the worker can see the dial, so that the trunk never shows more taken than published.
        int trunk = routes.routeOf(campaignId);
        routes.dialsPublished[trunk]++;
        if (!ring.publishDial(callId, campaignId, contactId, number, callerId, ringTimeoutMillis)) {
            routes.dialsPublished[trunk]--;
            // Nothing was sent: the dial goes back untouched, like one the trunk refuses.
            EngineInput in = input;
            failureReporter.execute(() -> in.callNotPlaced(callId, RING_FULL_HOLD_MILLIS));
        }
    }

    /**
     * The adapter times the ringing itself (docs/sip.md, "Ring timing"): a dial may wait up to its ring time
     * for the calls-per-second budget, then up to the trunk's post-dial limit for a 180/183, then rings for its
     * ring time. The core's own timer is only a backstop for a lost event, so it comes after all of that.
     */
    @Override
    public long coreRingTimerMillis(long ringTimeoutMillis) {
        return 2 * ringTimeoutMillis + longestPostDialLimitMillis + CORE_RING_TIMER_SLACK_MILLIS;
    }

    @Override
    public void cancel(long callId) {
        callCommand(SipWork.CANCEL, callId, -1);
    }

    @Override
    public void bridge(long callId, int agentId) {
        // The switch itself happens here, on the engine's thread; the worker then only does the bookkeeping.
        index.tryBridge(callId, agentId);
        callCommand(SipWork.BRIDGE, callId, agentId);
    }

    @Override
    public void hangUp(long callId) {
        callCommand(SipWork.HANG_UP, callId, -1);
    }

    @Override
    public void abandon(long callId) {
        callCommand(SipWork.ABANDON, callId, -1);
    }

    @Override
    public void amdSettings(int campaignId, AmdSettings settings) {
        amdCampaigns.set(campaignId, settings);
    }

    @Override
    public void dropMessage(long callId) {
        callCommand(SipWork.DROP_MESSAGE, callId, -1);
    }

    @Override
    public void acceptInbound(long inboundKey, long callId, int campaignId) {
        ring.publishInbound(SipWork.ACCEPT_INBOUND, inboundKey, callId, campaignId);
    }

    @Override
    public void refuseInbound(long inboundKey) {
        ring.publishInbound(SipWork.REFUSE_INBOUND, inboundKey, -1, -1);
    }

    @Override
    public void offerPreview(int agentId, long contactId, String number) {
        ring.publishPreviewOffer(agentId, contactId, number);
    }

    private void callCommand(int kind, long callId, int agentId) {
        ring.publishCallCommand(kind, callId, agentId);
    }
}
