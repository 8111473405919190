package io.pacer.sip.trunk;

import io.pacer.sip.stack.SipConfig;
import java.util.HashMap;
import java.util.function.Consumer;

/**
 * The trunks' limits, applied before an INVITE leaves: a dial is refused outright while its trunk is full or
 * backing off after a 503 with Retry-After, and otherwise waits in its trunk's queue until the calls-per-second
 * budget has a token for it. SIP worker thread only.
 */
final class TrunkAdmission {

    private final SipConfig config;
    private final HashMap<String, TrunkState> trunks = new HashMap<>();
    private final TrunkCallTimers timers;

    TrunkAdmission(SipConfig config, TrunkCallTimers timers) {
        this.config = config;
        this.timers = timers;
        for (SipConfig.TrunkConfig t : config.trunks()) {
            trunks.put(t.name(), new TrunkState(t));
        }
    }

    TrunkState trunkFor(int campaignId) {
        return trunks.get(config.trunkFor(campaignId).name());
    }

    /** True when no INVITE may be sent on {@code trunk}: the carrier asked us to back off, or it is full. */
    static boolean refuses(TrunkState trunk, long nowNanos) {
        return nowNanos < trunk.backoffUntilNanos || trunk.channelsInUse >= trunk.config.maxChannels();
    }

    /** Sends {@code call}'s INVITE through {@code send} now if the budget allows and none wait before it, else queues it. */
    void inviteOrQueue(TrunkCall call, long nowNanos, Consumer<TrunkCall> send) {
        TrunkState trunk = call.trunk;
        if (trunk.waiting.isEmpty() && trunk.takeToken(nowNanos)) {
            send.accept(call);
        } else {
            trunk.waiting.add(call);
            timers.scheduleTick(trunk);
        }
    }

    /** Sends, through {@code send}, the queued INVITEs that the calls-per-second budget now allows. */
    void releaseQueued(long nowNanos, Consumer<TrunkCall> send) {
        for (TrunkState trunk : trunks.values()) {
            trunk.tickScheduled = false;
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

    /** True when {@code source} ("address:port") is a configured trunk or its outbound proxy. */
    boolean isTrunk(String source) {
        for (TrunkState t : trunks.values()) {
            if (source.equals(t.config.host() + ":" + t.config.port())
                    || (t.config.proxyHost() != null && source.equals(t.config.proxyHost() + ":" + t.config.proxyPort()))) {
                return true;
            }
        }
        return false;
    }
}
