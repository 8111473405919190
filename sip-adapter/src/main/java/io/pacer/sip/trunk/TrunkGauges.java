package io.pacer.sip.trunk;

/**
 * A read-only view of one trunk for metrics and stats, safe on any thread: its name, channels free, whether
 * it is backing off after a 503 with Retry-After and whether its probes find it up. Reads the worker's volatile fields; never writes.
 */
public final class TrunkGauges {

    private final TrunkState trunk;

    TrunkGauges(TrunkState trunk) {
        this.trunk = trunk;
    }

    /** The trunk's configured name. */
    public String name() {
        return trunk.config.name();
    }

    /** Channels the trunk could take a call on now (its cap minus the calls it holds, queued ones included). */
    public int channelsFree() {
        return Math.max(0, trunk.config.maxChannels() - trunk.channelsInUse);
    }

    /** 1 while the carrier's Retry-After keeps new INVITEs off the trunk, else 0. */
    public int backingOff() {
        return trunk.backingOff(System.nanoTime()) ? 1 : 0;
    }

    /** Calls the trunk could take now: its free channels, none while it is down or backs off. */
    public int placeableNow() {
        return trunk.placeableNow(System.nanoTime());
    }

    /** 1 while the trunk's OPTIONS probes find it up (always, when it is not probed), 0 while it is down. */
    public int up() {
        return trunk.up ? 1 : 0;
    }

    /** INVITEs sent on the trunk since start. */
    public long invitesSent() {
        return trunk.invitesSent;
    }

    /** Milliseconds of back-off left (0 when none). */
    public long backoffLeftMillis() {
        return trunk.backoffLeftMillis(System.nanoTime());
    }
}
