package io.pacer.sip.trunk;

import io.pacer.engine.call.CallOutcome;

/**
 * How a final failure response to an INVITE maps to the outcome the engine hears, as issue 3 fixed it: 486/600
 * busy, 404/484/410/604 invalid number, anything after our CANCEL (487 above all) no answer, everything else
 * (480, 503, 408, transport errors, other codes) failure.
 */
final class FinalResponses {

    private FinalResponses() {
    }

    static CallOutcome outcomeOf(int status, boolean cancelled) {
        return switch (status) {
            case 486, 600 -> CallOutcome.BUSY;
            case 404, 484, 410, 604 -> CallOutcome.INVALID_NUMBER;
            default -> cancelled ? CallOutcome.NO_ANSWER : CallOutcome.FAILURE;
        };
    }
}
