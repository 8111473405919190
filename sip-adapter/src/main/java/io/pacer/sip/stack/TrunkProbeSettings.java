package io.pacer.sip.stack;

/**
 * How a trunk is watched with out-of-dialog OPTIONS: one every {@code intervalMillis}; a probe not answered
 * before the next is due, or answered 408 or 503, is a failure. After {@code downAfter} failures in a row the
 * trunk is down (no dial is placed on it; its campaigns' calls go to their other trunks); after {@code upAfter}
 * answers in a row it is up again. Any other final answer (200, but also 404 or 405 from a carrier that does not
 * implement OPTIONS) proves the carrier is there.
 *
 * @param intervalMillis time between probes, at least 200 ms
 * @param downAfter      failures in a row that mark the trunk down, at least 1
 * @param upAfter        answers in a row that mark a down trunk up again, at least 1
 */
public record TrunkProbeSettings(long intervalMillis, int downAfter, int upAfter) {

    /** Every 10 s, down after 3 failures, up after 2 answers. */
    public static final TrunkProbeSettings DEFAULTS = new TrunkProbeSettings(10_000, 3, 2);

    /** Validates the settings; the message names the field at fault. */
    public TrunkProbeSettings {
        if (intervalMillis < 200) {
            throw new IllegalArgumentException("probe.intervalMillis: must be at least 200, was " + intervalMillis);
        }
        if (downAfter < 1) {
            throw new IllegalArgumentException("probe.downAfter: must be at least 1, was " + downAfter);
        }
        if (upAfter < 1) {
            throw new IllegalArgumentException("probe.upAfter: must be at least 1, was " + upAfter);
        }
    }
}
