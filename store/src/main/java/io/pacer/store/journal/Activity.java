package io.pacer.store.journal;

import io.pacer.store.db.Jdbc;

/**
 * One call as filed under the contact's case: answered or not, with its times, numbers, agent, result and
 * subject. Times are epoch ms; {@code answerMillis} is -1 when nobody answered.
 *
 * @param id            id
 * @param callId        the engine's call id, or -1 for an attempt recorded by crash recovery
 * @param campaignId    campaign
 * @param contactId     contact
 * @param caseId        the contact's case in the campaign
 * @param callType      e.g. "Outbound call"
 * @param startMillis   dial time
 * @param answerMillis  answer time or -1
 * @param endMillis     end time
 * @param durationMillis talk time (end - answer), 0 when unanswered
 * @param callerId      number presented
 * @param calledNumber  number dialled
 * @param agentId       agent connected, or -1
 * @param callOutcome   how the call ended (engine outcome)
 * @param outcome       what the agent recorded, or {@code null}
 * @param resultGroup   the outcome's result group, or {@code null}
 * @param note          the agent's note
 * @param subject       rendered from the campaign's template
 * @param updatedMillis when it was last recorded or changed (epoch ms, the database's clock), for incremental sync
 * @param amd           what answering-machine detection heard and did, or {@code null} when the call was not analysed
 */
public record Activity(long id, long callId, long campaignId, long contactId, long caseId, String callType, long startMillis,
        long answerMillis, long endMillis, long durationMillis, String callerId, String calledNumber, long agentId,
        String callOutcome, String outcome, String resultGroup, String note, String subject,
        long updatedMillis, Amd amd) {

    /**
     * The media analysis of the call (docs/amd.md).
     *
     * @param verdict        HUMAN, MACHINE, NOTSURE, SILENCE, FAX, BUSY or a SIT code
     * @param cause          why the state machine decided (app_amd's AMDCAUSE), NONE for a tone
     * @param decisionMillis audio analysed when it decided (from the answer; from the first early media before it),
     *                       or -1 when the core decided at its deadline
     * @param action         AGENT, HANG_UP, MESSAGE_DROP or ABANDON
     */
    public record Amd(String verdict, String cause, int decisionMillis, String action) {
    }

    static Activity of(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long callId = Jdbc.nullableLong(rs, "call_id");
        Long answer = Jdbc.nullableLong(rs, "answer_millis");
        return new Activity(rs.getLong("id"), callId == null ? -1 : callId, rs.getLong("campaign_id"), rs.getLong("contact_id"),
                rs.getLong("case_id"), rs.getString("call_type"), rs.getLong("start_millis"), answer == null ? -1 : answer,
                rs.getLong("end_millis"), rs.getLong("duration_millis"), rs.getString("caller_id"), rs.getString("called_number"),
                rs.getLong("agent_id"), rs.getString("call_outcome"), rs.getString("outcome"), rs.getString("result_group"),
                rs.getString("note"), rs.getString("subject"),
                rs.getLong("updated_millis"), amd(rs));
    }

    private static Amd amd(java.sql.ResultSet rs) throws java.sql.SQLException {
        String verdict = rs.getString("amd_verdict");
        if (verdict == null) {
            return null;
        }
        Long decision = Jdbc.nullableLong(rs, "amd_decision_millis");
        return new Amd(verdict, rs.getString("amd_cause"), decision == null ? -1 : decision.intValue(),
                rs.getString("amd_action"));
    }
}
