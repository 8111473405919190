package io.pacer.store.campaign;

import io.pacer.store.error.InvalidFieldException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's dialling rules kept beside its settings: the treatment steps per outcome class and how the caller
 * ID is chosen. A class without steps follows the campaign's retry rule and the default attempt chain
 * (docs/lists.md).
 *
 * @param callerIdMode how the display number of a call is chosen
 * @param treatments   ordered steps per outcome class; a class absent here has none
 */
public record DialingRules(CallerIdMode callerIdMode, Map<RetryClass, List<Treatment>> treatments) {

    /** Rules of a campaign that set none: first display number, no treatments. */
    public static final DialingRules DEFAULT = new DialingRules(CallerIdMode.FIRST, Map.of());

    /** The most steps a class may have. */
    public static final int MAX_STEPS = 20;

    /** Checks every step; throws naming the first field that is wrong (for example {@code treatments.BUSY[1].delaySeconds}). */
    public DialingRules {
        if (callerIdMode == null) {
            throw new InvalidFieldException("callerIdMode", "must be one of FIRST, ROTATE, LOCAL");
        }
        Map<RetryClass, List<Treatment>> copy = new EnumMap<>(RetryClass.class);
        for (Map.Entry<RetryClass, List<Treatment>> e : (treatments == null ? Map.<RetryClass, List<Treatment>>of() : treatments).entrySet()) {
            List<Treatment> steps = e.getValue() == null ? List.of() : List.copyOf(e.getValue());
            String field = "treatments." + e.getKey();
            if (steps.size() > MAX_STEPS) {
                throw new InvalidFieldException(field, "at most " + MAX_STEPS + " steps");
            }
            for (int i = 0; i < steps.size(); i++) {
                check(field + "[" + i + "]", steps.get(i));
            }
            if (!steps.isEmpty()) {
                copy.put(e.getKey(), steps);
            }
        }
        treatments = Map.copyOf(copy);
    }

    private static void check(String field, Treatment t) {
        if (t.action() == null) {
            throw new InvalidFieldException(field + ".action", "must be one of REDIAL, NEXT_NUMBER, NEXT_DAY");
        }
        if (t.delaySeconds() < 0 || t.delaySeconds() > 30L * 86_400) {
            throw new InvalidFieldException(field + ".delaySeconds", "must be within 0..2592000 (30 days)");
        }
        if (t.action() == TreatmentAction.NEXT_DAY) {
            if (t.atMinute() < 0 || t.atMinute() >= 1440) {
                throw new InvalidFieldException(field + ".atMinute", "NEXT_DAY needs a minute of the day within 0..1439");
            }
        } else if (t.atMinute() != -1) {
            throw new InvalidFieldException(field + ".atMinute", "only NEXT_DAY takes a minute of the day");
        }
    }

    /** The steps for a class, empty when it has none. */
    public List<Treatment> steps(RetryClass retryClass) {
        return treatments.getOrDefault(retryClass, List.of());
    }
}
