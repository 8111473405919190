package io.pacer.store.campaign;

import io.pacer.engine.campaign.Regime;

/**
 * A campaign's compliance settings: the regime it answers to and the figures the regime leaves to the
 * campaign. The regime's floors are checked by {@link Campaign} against every setting they bound.
 *
 * @param regime           the regulator whose rules apply
 * @param abandonMessage   the recorded message played to every abandoned customer (a prompt name or file), or
 *                         {@code null} for none; a regime that requires one refuses to start a predictive or
 *                         power campaign without it
 * @param lockoutMinutes   an abandoned contact is not redialled for this long, unless an agent is reserved for it
 * @param dialUnknownZones whether a number whose time zone cannot be told is dialled (within the campaign's
 *                         own zone's hours); off by default, so such a number is never called at night by mistake
 */
public record Compliance(Regime regime, String abandonMessage, long lockoutMinutes, boolean dialUnknownZones) {

    /** What campaigns stored before regimes existed get: no regulator, no message, no lockout. */
    public static final Compliance LEGACY = new Compliance(Regime.CUSTOM, null, 0, true);

    /** Normalises an empty message to none. */
    public Compliance {
        if (regime == null) {
            regime = Regime.CUSTOM;
        }
        if (abandonMessage != null && abandonMessage.isBlank()) {
            abandonMessage = null;
        }
    }

    /** The regime's defaults: its lockout, no message yet, unknown zones not dialled. */
    public static Compliance defaultsOf(Regime regime) {
        return new Compliance(regime, null, regime.lockoutMinutes(), false);
    }

    /** True when an abandoned customer hears a message. */
    public boolean hasMessage() {
        return abandonMessage != null;
    }
}
