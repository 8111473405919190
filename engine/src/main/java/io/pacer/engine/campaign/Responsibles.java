package io.pacer.engine.campaign;

/**
 * The agents who may work a campaign, as a bit set over agent ids, checked by the core on every login whatever
 * path it came by (the API, a phone's registration, the login extension, a fixed address). Storage expands the
 * campaign's responsible users and groups into it; a core without storage (the demo, the simulator) lets
 * anyone in. Immutable: a change of responsibles replaces the whole set.
 */
public final class Responsibles {

    /** Anyone may work the campaign. */
    public static final Responsibles ANYONE = new Responsibles(null);

    private final long[] bits;

    private Responsibles(long[] bits) {
        this.bits = bits;
    }

    /** Exactly these agents (ids outside {@code 0..} are ignored: no agent can have them). */
    public static Responsibles only(int... agentIds) {
        int max = -1;
        for (int id : agentIds) {
            max = Math.max(max, id);
        }
        long[] bits = new long[max / 64 + 1];
        for (int id : agentIds) {
            if (id >= 0) {
                bits[id >>> 6] |= 1L << (id & 63);
            }
        }
        return new Responsibles(bits);
    }

    /** Whether the agent may work the campaign. */
    public boolean allows(int agentId) {
        if (bits == null) {
            return true;
        }
        int word = agentId >>> 6;
        return agentId >= 0 && word < bits.length && (bits[word] & (1L << (agentId & 63))) != 0;
    }

    /** Whether anyone may work the campaign. */
    public boolean anyone() {
        return bits == null;
    }
}
