package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The trunks' limits, applied before an INVITE leaves. A campaign dials through a {@link TrunkRoute}; a dial none
 * of whose trunks can take it (down, backing off after a 503 with Retry-After, or every channel busy) is not
 * placed: it goes back to the engine untouched, which hands the contact back and holds the campaign's dials
 * ({@link TrunkRoute#holdMillis}). Otherwise the dial waits in its trunk's
 * queue until the calls-per-second budget has a token for it; a dial still queued when a back-off starts, or
 * after waiting its whole ring time, goes back the same way. SIP worker thread only.
 */
final class TrunkAdmission {

    /**
     * How long the engine holds a campaign's dials when its trunk's channels are all busy: long enough that the
     * hopper is not churned contact by contact, short enough that a freed channel is soon used again.
     */
    static final long CHANNELS_FULL_HOLD_MILLIS = 1_000;

    private final SipConfig config;
    private final HashMap<String, TrunkState> trunks = new HashMap<>();
    private final List<TrunkRoute> routes = new ArrayList<>();
    private final HashMap<Integer, TrunkRoute> routeOfCampaign = new HashMap<>();
    private final TrunkCallTimers timers;

    TrunkAdmission(SipConfig config, TrunkCallTimers timers) {
        this.config = config;
        this.timers = timers;
        for (SipConfig.TrunkConfig t : config.trunks()) {
            trunks.put(t.name(), new TrunkState(t));
        }
        for (List<SipConfig.TrunkConfig> route : config.routes()) {
            List<TrunkState> states = new ArrayList<>();
            for (SipConfig.TrunkConfig t : route) {
                states.add(trunks.get(t.name()));
            }
            routes.add(new TrunkRoute(states));
        }
    }

    /** The trunks {@code campaignId} dials through ({@link SipConfig#routeOf}), looked up once per campaign. */
    TrunkRoute routeFor(int campaignId) {
        TrunkRoute r = routeOfCampaign.get(campaignId);
        if (r == null) {
            r = routes.get(config.routeOf(campaignId));
            routeOfCampaign.put(campaignId, r);
        }
        return r;
    }

    /** Every route, in {@link SipConfig#routes}'s order (the engine's thread indexes them the same way). */
    List<TrunkRoute> routes() {
        return routes;
    }

    /** Every trunk's live state, in the configuration's order (for the gauges). */
    List<TrunkState> all() {
        List<TrunkState> list = new ArrayList<>();
        for (SipConfig.TrunkConfig t : config.trunks()) {
            list.add(trunks.get(t.name()));
        }
        return list;
    }

    /** Sends {@code call}'s INVITE through {@code send} now if the budget allows and none wait before it, else queues it. */
    void inviteOrQueue(TrunkCall call, long nowNanos, Consumer<TrunkCall> send) {
        TrunkState trunk = call.trunk;
        if (trunk.waiting.isEmpty() && trunk.takeToken(nowNanos)) {
            send.accept(call);
        } else {
            call.queuedNanos = nowNanos;
            trunk.waiting.add(call);
            timers.scheduleTick(trunk);
        }
    }

    /**
     * Sends, through {@code send}, the queued INVITEs that the calls-per-second budget now allows, and hands to
     * {@code unplace} the queued dials that may no longer be sent: their trunk is backing off or down, or they waited
     * longer than their ring time (the engine would have given up on a ringing call by then).
     */
    void releaseQueued(long nowNanos, Consumer<TrunkCall> send, Consumer<TrunkCall> unplace) {
        for (TrunkState trunk : trunks.values()) {
            trunk.tickScheduled = false;
            if (trunk.backingOff(nowNanos) || !trunk.up) {
                TrunkCall call;
                while ((call = trunk.waiting.poll()) != null) {
                    unplaceIfQueued(call, unplace);
                }
                continue;
            }
            while (!trunk.waiting.isEmpty() && overdue(trunk.waiting.peek(), nowNanos)) {
                unplaceIfQueued(trunk.waiting.poll(), unplace);
            }
            while (!trunk.waiting.isEmpty() && trunk.takeToken(nowNanos)) {
                TrunkCall call = trunk.waiting.poll();
                if (call.state == TrunkCall.State.QUEUED) {
                    send.accept(call);
                }
            }
            if (!trunk.waiting.isEmpty()) {
                timers.scheduleTick(trunk);
            }
        }
    }

    private static boolean overdue(TrunkCall call, long nowNanos) {
        return nowNanos - call.queuedNanos > call.ringTimeoutMillis * 1_000_000L;
    }

    private static void unplaceIfQueued(TrunkCall call, Consumer<TrunkCall> unplace) {
        if (call.state == TrunkCall.State.QUEUED) {
            unplace.accept(call);
        }
    }

    /** True when {@code source} ("address:port") is a configured trunk or its outbound proxy. */
    boolean isTrunk(String source) {
        return trunkAt(source) != null;
    }

    /** The trunk whose address or outbound proxy is {@code source} ("address:port"), or {@code null}. */
    TrunkState trunkAt(String source) {
        for (TrunkState t : trunks.values()) {
            if (source.equals(t.config.host() + ":" + t.config.port())
                    || (t.config.proxyHost() != null && source.equals(t.config.proxyHost() + ":" + t.config.proxyPort()))) {
                return t;
            }
        }
        return null;
    }
}
