package io.pacer.simulator.scenario;

import java.util.List;
import java.util.Map;

/**
 * The lists and numbers of a scenario (issue 14, docs/lists.md): how many numbers each contact has, the lists
 * that share the dials by weight, and the treatment steps per outcome class. The simulator applies the same rules
 * as storage does, on virtual time.
 *
 * @param numbersPerContact numbers each contact has, tried in turn by its attempt chain (1..10)
 * @param lists             the campaign's lists and their weights (empty: one list)
 * @param treatments        ordered steps per outcome class (BUSY, NO_ANSWER, FAILURE, NOT_REACHABLE); a class
 *                          without steps follows the default chain
 */
public record ListModel(int numbersPerContact, List<WeightedList> lists, Map<String, List<Step>> treatments) {

    /** No lists, one number, no treatments: the simulator's single synthetic list, each contact dialled once. */
    public static final ListModel NONE = new ListModel(1, List.of(), Map.of());

    /** Whether the scenario uses any of it (else the simulator keeps its one-dial-per-contact list). */
    public boolean used() {
        return numbersPerContact > 1 || !lists.isEmpty() || !treatments.isEmpty();
    }

    /** A list and its share of the dials. */
    public record WeightedList(String name, int weight) {
    }

    /**
     * One treatment step.
     *
     * @param action     REDIAL, NEXT_NUMBER or NEXT_DAY
     * @param delayNanos after how long (NEXT_DAY: 24 h)
     */
    public record Step(String action, long delayNanos) {
    }
}
