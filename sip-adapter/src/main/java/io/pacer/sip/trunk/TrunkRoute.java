package io.pacer.sip.trunk;

import java.util.List;

/**
 * The trunks one campaign dials through, most preferred first, and the choice of the trunk for each new call:
 * the lowest priority level that has a trunk able to take a call now (up, not backing off, a channel free), and
 * within that level a smooth weighted round robin (each trunk gets its weight's share, interleaved rather than
 * in runs). A call that failed over keeps a mask of the trunks it tried, so it never tries one twice.
 *
 * <p>Chosen on the SIP worker thread; {@link #placeableNow} and {@link #dialsTaken} are read by the engine's
 * thread for admission ({@code SipTelephony.placeableNow}).
 */
public final class TrunkRoute {

    /** A call may try at most this many trunks: the mask of trunks tried is an int. */
    static final int MAX_TRUNKS = 31;

    final TrunkState[] trunks;
    private final int[] currentWeight;
    /** Dials taken off the worker's ring for this route: the engine's thread compares them with those it sent. */
    volatile long dialsTaken;

    TrunkRoute(List<TrunkState> byPriority) {
        if (byPriority.size() > MAX_TRUNKS) {
            throw new IllegalArgumentException("a campaign may have at most " + MAX_TRUNKS + " trunks");
        }
        this.trunks = byPriority.toArray(new TrunkState[0]);
        this.currentWeight = new int[trunks.length];
    }

    /** The trunk for a new INVITE, skipping those in {@code triedMask}; {@code null} when none can take it now. */
    TrunkState pick(long nowNanos, int triedMask) {
        int from = 0;
        while (from < trunks.length) {
            int level = trunks[from].config.priority();
            int to = from;
            while (to < trunks.length && trunks[to].config.priority() == level) {
                to++;
            }
            int chosen = weighted(from, to, nowNanos, triedMask);
            if (chosen >= 0) {
                return trunks[chosen];
            }
            from = to;
        }
        return null;
    }

    private int weighted(int from, int to, long nowNanos, int triedMask) {
        int total = 0;
        int best = -1;
        for (int k = from; k < to; k++) {
            if ((triedMask & (1 << k)) != 0 || !trunks[k].takesACall(nowNanos)) {
                continue;
            }
            currentWeight[k] += trunks[k].config.weight();
            total += trunks[k].config.weight();
            if (best < 0 || currentWeight[k] > currentWeight[best]) {
                best = k;
            }
        }
        if (best >= 0) {
            currentWeight[best] -= total;
        }
        return best;
    }

    /** The bit of {@code trunk} in a mask of trunks tried. */
    int bit(TrunkState trunk) {
        for (int k = 0; k < trunks.length; k++) {
            if (trunks[k] == trunk) {
                return 1 << k;
            }
        }
        return 0;
    }

    /**
     * How long the engine should place nothing more on this route, none of whose trunks takes a call now: the
     * soonest any of them may (the rest of a back-off, a second for a full trunk, the probe interval for a trunk
     * that is down).
     */
    long holdMillis(long nowNanos) {
        long hold = Long.MAX_VALUE;
        for (TrunkState t : trunks) {
            long h;
            if (!t.up) {
                h = t.config.probe() != null ? t.config.probe().intervalMillis() : TrunkSignalling.TRUNK_DOWN_HOLD_MILLIS;
            } else {
                h = Math.max(t.backoffLeftMillis(nowNanos), TrunkAdmission.CHANNELS_FULL_HOLD_MILLIS);
            }
            hold = Math.min(hold, h);
        }
        return hold;
    }

    /** Calls the route's trunks could take now, together (any thread; volatile reads, no allocation). */
    public int placeableNow() {
        long now = System.nanoTime();
        int n = 0;
        for (TrunkState t : trunks) {
            n += t.placeableNow(now);
        }
        return n;
    }

    /** Dials the worker has taken off its ring for this route since start (placed, queued or refused). */
    public long dialsTaken() {
        return dialsTaken;
    }
}
