package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every input method writes its own event kind into the claimed slot, with the named fields it carries. */
class TranslatingEngineInputTest {

    /** Claims a fresh event per call and keeps every published one, with the sequence it was claimed under. */
    private static final class RecordingInput extends TranslatingEngineInput {
        final List<EngineEvent> published = new ArrayList<>();
        final List<Long> publishedSequences = new ArrayList<>();
        private final List<EngineEvent> claimed = new ArrayList<>();

        RecordingInput(Clock clock) {
            super(clock);
        }

        @Override
        protected long claim() {
            claimed.add(new EngineEvent());
            return claimed.size() - 1;
        }

        @Override
        protected EngineEvent slot(long sequence) {
            return claimed.get((int) sequence);
        }

        @Override
        protected void publish(long sequence) {
            publishedSequences.add(sequence);
            published.add(claimed.get((int) sequence));
        }

        EngineEvent last() {
            return published.get(published.size() - 1);
        }
    }

    private long nowNanos = 7_000;
    private final RecordingInput input = new RecordingInput(new Clock() {
        @Override
        public long nowNanos() {
            return nowNanos;
        }

        @Override
        public long epochMillis() {
            return 0;
        }
    });

    @Test
    void callEventsCarryTheCallAndAreStampedWithTheClock() {
        input.callRinging(11);
        assertEquals(EventType.CALL_RINGING, input.last().type);
        assertEquals(11, input.last().callId);
        assertEquals(7_000, input.last().publishedNanos);
        nowNanos = 9_000;
        input.callAnswered(12);
        assertEquals(EventType.CALL_ANSWERED, input.last().type);
        assertEquals(12, input.last().callId);
        assertEquals(9_000, input.last().publishedNanos);
        input.callFailed(13, CallOutcome.BUSY);
        assertEquals(EventType.CALL_FAILED, input.last().type);
        assertEquals(13, input.last().callId);
        assertEquals(CallOutcome.BUSY, input.last().outcome);
        input.callEnded(14);
        assertEquals(EventType.CALL_ENDED, input.last().type);
        assertEquals(14, input.last().callId);
    }

    @Test
    void agentEventsCarryTheAgentAndALoginItsCampaign() {
        input.agentLogin(3, 2);
        assertEquals(EventType.AGENT_LOGIN, input.last().type);
        assertEquals(3, input.last().agentId);
        assertEquals(2, input.last().campaignId);
        input.agentLogout(4);
        assertAgentEvent(EventType.AGENT_LOGOUT, 4);
        input.agentReady(5);
        assertAgentEvent(EventType.AGENT_READY, 5);
        input.agentPause(6);
        assertAgentEvent(EventType.AGENT_PAUSE, 6);
        input.agentHangUp(7);
        assertAgentEvent(EventType.AGENT_HANG_UP, 7);
        input.previewRequested(8);
        assertAgentEvent(EventType.PREVIEW_REQUESTED, 8);
    }

    @Test
    void previewAnswerCarriesTheAgentTheContactAndTheAnswer() {
        input.previewAnswered(9, 400L, PreviewAnswer.DO_NOT_CALL);
        EngineEvent e = input.last();
        assertEquals(EventType.PREVIEW_ANSWERED, e.type);
        assertEquals(9, e.agentId);
        assertEquals(400L, e.contactId);
        assertEquals(PreviewAnswer.DO_NOT_CALL, e.previewAnswer);
    }

    @Test
    void timerCarriesItsKindAndReferenceInTheirOwnFieldsNotInTheAgentOrCall() {
        input.timer(TimerKind.CONNECT_LIMIT, 77L);
        EngineEvent e = input.last();
        assertEquals(EventType.TIMER, e.type);
        assertEquals(TimerKind.CONNECT_LIMIT, e.timerKind);
        assertEquals(77L, e.timerRef);
        assertEquals(0, e.agentId, "the agent field is not a timer kind");
        assertEquals(0, e.callId, "the call field is not a timer reference");
    }

    @Test
    void commandCarriesTheCommand() {
        EngineCommand command = core -> { };
        input.command(command);
        assertEquals(EventType.COMMAND, input.last().type);
        assertSame(command, input.last().command);
    }

    @Test
    void everyEventIsPublishedUnderTheSequenceItClaimed() {
        input.callRinging(1);
        input.agentReady(2);
        input.timer(TimerKind.PACING_TICK, 0);
        assertEquals(List.of(0L, 1L, 2L), input.publishedSequences);
    }

    private void assertAgentEvent(EventType type, int agentId) {
        assertEquals(type, input.last().type);
        assertEquals(agentId, input.last().agentId);
    }
}
