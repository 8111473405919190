package io.pacer.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.agent.AgentState;
import io.pacer.pacing.DialMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desk acts only on the answer to the offer it has open for that agent. */
class PreviewDeskTest {
    private final CoreHarness h = new CoreHarness();

    @Test
    void ignoresAnAnswerAboutAContactThatWasNotOffered() {
        h.campaign(DialMode.PREVIEW);
        h.input.agentLogin(2, 1);
        h.input.previewRequested(2);
        h.input.previewAnswered(2, 555, PreviewAnswer.ACCEPT);
        h.input.previewAnswered(2, 555, PreviewAnswer.SKIP);
        assertEquals(0, h.dialed.size());
        assertEquals(List.of(), h.givenBack);
        assertEquals(AgentState.RESERVED, h.core.agentState(2), "still looking at contact 100");
    }

    @Test
    void aRepeatedAnswerDialsTheContactOnce() {
        h.campaign(DialMode.PREVIEW);
        h.input.agentLogin(2, 1);
        h.input.previewRequested(2);
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT);
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT);
        assertEquals(1, h.dialed.size());
    }

    @Test
    void offersNothingToAnAgentWhoIsNotReadyOrInAPacedCampaign() {
        h.campaign(DialMode.PROGRESSIVE);
        h.unlimitedContacts = false;
        h.input.agentLogin(2, 1);
        h.input.previewRequested(2);
        h.input.previewRequested(9);
        assertTrue(h.commands.stream().noneMatch(c -> c.startsWith("preview")), h.commands.toString());
        assertEquals(AgentState.READY, h.core.agentState(2));
    }

    @Test
    void aTeamCallbackIsNeverOfferedToAnAgentOutsideTheTeam() {
        h.campaign(DialMode.PREVIEW);
        h.unlimitedContacts = false;
        h.contacts.add(new long[] {40, -1});
        h.contacts.add(new long[] {41, -1});
        h.teams.put(40L, io.pacer.engine.campaign.Responsibles.only(3));
        h.input.agentLogin(2, 1);
        h.input.previewRequested(2);
        assertEquals(List.of(40L), h.givenBack, "the team's callback goes back untouched");
        assertTrue(h.commands.contains("preview 41 to 2"), "the agent is offered the next record instead");
    }

    @Test
    void anAcceptWithAChosenDisplayNumberDialsFromIt() {
        h.campaign(DialMode.PREVIEW);
        h.input.agentLogin(2, 1);
        h.input.previewRequested(2);
        h.input.previewAnswered(2, 100, PreviewAnswer.ACCEPT, "+442071234568");
        assertEquals("dial 100 +4570000100 from +442071234568", h.commands.get(h.commands.size() - 1));
    }
}
