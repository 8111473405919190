package io.pacer.simulator.world;

/**
 * Reproducible random numbers addressed by (seed, contact, purpose) instead of drawn from a stream: contact 1234
 * of seed 7 has the same answer draw, ring time and talk time under every policy, whatever order the policies
 * dial in. That makes policy comparisons paired (common random numbers) and runs deterministic.
 */
public final class Draws {
    private Draws() {
    }

    /** A uniform number in (0, 1) for the given address. */
    public static double uniform(long seed, long id, int purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = mix(z);
        z = mix(z ^ (purpose + 0x632BE59BD9B4E019L));
        return ((z >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
