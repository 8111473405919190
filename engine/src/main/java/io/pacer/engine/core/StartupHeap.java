package io.pacer.engine.core;

/**
 * Start-up's last step before Pacer takes traffic: one full collection, so that what start-up allocated for
 * good (the rings' preallocated slots, the call and agent tables, the relay's ports) sits in the old
 * generation from the first call on.
 *
 * <p>Why: a young collection copies every live young object, and the JVM keeps young objects in the survivor
 * spaces for up to fifteen collections before promoting them. The rings alone are a few hundred thousand
 * objects; left young, they are copied again by each of the first fifteen young collections, and those
 * copies, not the calls, make most of the pause. Settled once, a young collection copies only the calls in
 * flight. The launcher's {@code run} and {@code demo} and the SIP benchmark call this once, after start.
 */
public final class StartupHeap {

    private StartupHeap() {
    }

    /** Runs one full collection. */
    public static void settle() {
        System.gc();
    }
}
