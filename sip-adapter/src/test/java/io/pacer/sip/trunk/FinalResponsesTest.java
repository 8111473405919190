package io.pacer.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.call.CallOutcome;
import org.junit.jupiter.api.Test;

class FinalResponsesTest {

    @Test
    void busyAndDeclineAreBusyWhetherOrNotWeCancelled() {
        for (int status : new int[] {486, 600}) {
            assertEquals(CallOutcome.BUSY, FinalResponses.outcomeOf(status, false));
            assertEquals(CallOutcome.BUSY, FinalResponses.outcomeOf(status, true));
        }
    }

    @Test
    void unknownOrGoneNumbersAreInvalidNumbers() {
        for (int status : new int[] {404, 484, 410, 604}) {
            assertEquals(CallOutcome.INVALID_NUMBER, FinalResponses.outcomeOf(status, false));
        }
    }

    @Test
    void requestTerminatedAfterOurCancelIsNoAnswerButWithoutItAFailure() {
        assertEquals(CallOutcome.NO_ANSWER, FinalResponses.outcomeOf(487, true));
        assertEquals(CallOutcome.FAILURE, FinalResponses.outcomeOf(487, false));
    }

    @Test
    void otherFailuresAreFailuresUnlessTheyAnswerOurCancel() {
        for (int status : new int[] {408, 480, 500, 503}) {
            assertEquals(CallOutcome.FAILURE, FinalResponses.outcomeOf(status, false));
            assertEquals(CallOutcome.NO_ANSWER, FinalResponses.outcomeOf(status, true));
        }
    }
}
