package io.pacer.sip.agent;

import io.pacer.engine.agent.PauseReasons;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.PreviewAnswer;
import java.nio.charset.StandardCharsets;

/**
 * The agent's side of the text protocol carried in SIP MESSAGE or INFO bodies (see {@code docs/sip.md}):
 * {@code ready}, {@code pause [reasonCode]}, {@code hangup} (end the customer call), {@code next} (preview: pull the next
 * record), {@code logout}, {@code accept|skip|dnc <contactId>}. Each word becomes one engine event; unknown text
 * is ignored, since a phone may send anything.
 */
final class AgentTextProtocol {

    private final EngineInput input;
    private final AgentCallControl sessions;

    AgentTextProtocol(EngineInput input, AgentCallControl sessions) {
        this.input = input;
        this.sessions = sessions;
    }

    /** Acts on one body sent by {@code s}'s phone. */
    void command(AgentSession s, byte[] body) {
        if (body == null) {
            return;
        }
        String[] words = new String(body, StandardCharsets.UTF_8).trim().split("\\s+");
        int id = s.config.id();
        String verb = words[0].toLowerCase();
        switch (verb) {
            case "ready" -> input.agentReady(id);
            case "pause" -> input.agentPause(id, reasonCode(words));
            case "hangup" -> input.agentHangUp(id);
            case "next" -> input.previewRequested(id);
            case "logout" -> sessions.hangUpSession(s);
            case "accept", "skip", "dnc" -> previewAnswer(id, verb, words);
            default -> { }
        }
    }

    /** The reason code after {@code pause} (1..999); 0 when there is none or it is not one. */
    private static int reasonCode(String[] words) {
        if (words.length < 2) {
            return 0;
        }
        try {
            int code = Integer.parseInt(words[1]);
            return code >= 0 && code <= PauseReasons.MAX_AGENT_CODE ? code : 0;
        } catch (NumberFormatException notACode) {
            return 0;
        }
    }

    private void previewAnswer(int agentId, String verb, String[] words) {
        if (words.length < 2) {
            return;
        }
        long contactId;
        try {
            contactId = Long.parseLong(words[1]);
        } catch (NumberFormatException notAContactId) {
            // Nothing the engine could act on.
            return;
        }
        PreviewAnswer answer = switch (verb) {
            case "accept" -> PreviewAnswer.ACCEPT;
            case "skip" -> PreviewAnswer.SKIP;
            default -> PreviewAnswer.DO_NOT_CALL;
        };
        input.previewAnswered(agentId, contactId, answer);
    }
}
