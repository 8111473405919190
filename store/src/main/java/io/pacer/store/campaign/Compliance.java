package io.pacer.store.campaign;

import io.pacer.engine.campaign.Regime;
import io.pacer.store.error.InvalidFieldException;
import java.time.LocalDate;
import java.util.List;

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
 * @param holidays         ISO dates (2026-12-25) on which nobody is called, each judged in the called party's own
 *                         time zone; sorted, without repeats
 * @param requireConsent   whether a contact is dialled only when it carries a consent basis; one without is
 *                         refused and the refusal recorded for the audit
 * @param abandonPool      the abandonment pool the campaign belongs to (campaigns naming the same pool are counted
 *                         together over the regulator's window), or {@code null} for none
 */
public record Compliance(Regime regime, String abandonMessage, long lockoutMinutes, boolean dialUnknownZones,
        List<String> holidays, boolean requireConsent, String abandonPool) {

    /** What campaigns stored before regimes existed get: no regulator, no message, no lockout. */
    public static final Compliance LEGACY = new Compliance(Regime.CUSTOM, null, 0, true);

    /** Settings with no holidays. */
    public Compliance(Regime regime, String abandonMessage, long lockoutMinutes, boolean dialUnknownZones) {
        this(regime, abandonMessage, lockoutMinutes, dialUnknownZones, List.of());
    }

    /** Settings that do not require consent. */
    public Compliance(Regime regime, String abandonMessage, long lockoutMinutes, boolean dialUnknownZones,
                      List<String> holidays) {
        this(regime, abandonMessage, lockoutMinutes, dialUnknownZones, holidays, false);
    }

    /** Settings in no abandonment pool. */
    public Compliance(Regime regime, String abandonMessage, long lockoutMinutes, boolean dialUnknownZones,
                      List<String> holidays, boolean requireConsent) {
        this(regime, abandonMessage, lockoutMinutes, dialUnknownZones, holidays, requireConsent, null);
    }

    /** Normalises an empty message to none. */
    public Compliance {
        if (regime == null) {
            regime = Regime.CUSTOM;
        }
        if (abandonMessage != null && abandonMessage.isBlank()) {
            abandonMessage = null;
        }
        java.util.TreeSet<String> days = new java.util.TreeSet<>();
        for (String day : holidays == null ? List.<String>of() : holidays) {
            try {
                days.add(LocalDate.parse(day).toString());
            } catch (java.time.format.DateTimeParseException | NullPointerException e) {
                throw new InvalidFieldException("holidays", "must be ISO dates such as 2026-12-25, was " + day);
            }
        }
        holidays = List.copyOf(days);
        if (abandonPool != null && abandonPool.isBlank()) {
            abandonPool = null;
        }
        if (abandonPool != null && !abandonPool.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")) {
            throw new InvalidFieldException("abandonPool", "must be 1 to 100 letters, digits, spaces, dots, dashes or "
                    + "underscores, starting with a letter or digit");
        }
    }

    /** A copy with other holidays. */
    public Compliance withHolidays(List<String> days) {
        return new Compliance(regime, abandonMessage, lockoutMinutes, dialUnknownZones, days, requireConsent, abandonPool);
    }

    /** A copy that does or does not require consent. */
    public Compliance withRequireConsent(boolean required) {
        return new Compliance(regime, abandonMessage, lockoutMinutes, dialUnknownZones, holidays, required, abandonPool);
    }

    /** True when nobody is to be called on {@code day}. */
    public boolean isHoliday(LocalDate day) {
        return !holidays.isEmpty() && holidays.contains(day.toString());
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
