package io.pacer.store.journal;

import io.pacer.engine.call.CallOutcome;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.SubjectTemplate;
import io.pacer.store.contact.PhoneNumbers;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Customers' calls to a campaign (blending) as activities, as the CTI connector's manual files them: "Inbound"
 * when an agent answered, "Missed" when none did (the caller gave up, or waited the campaign's maximum). The queue
 * rings no user in turn, so a missed call is the campaign's: when the same customer's next call is answered, by
 * whichever user, the earlier missed calls become "Missed but answered", the manual's record of a call one user
 * missed and another took. The caller is matched to the campaign's contact by number (E.164 in the campaign's
 * region, against every number of the contact); a caller who is no contact of the campaign has nothing to be
 * filed under and is not filed (the core's counters and the trunk's statistics still count the call).
 */
final class InboundActivities {

    /** The call type of customers' calls in subjects and activities. */
    static final String INBOUND_CALL = "Inbound call";
    /** The result of an inbound call an agent answered. */
    static final String INBOUND = "Inbound";
    /** The result of an inbound call no agent answered. */
    static final String MISSED = "Missed";
    /** The result of a missed call whose caller was answered on a later call. */
    static final String MISSED_BUT_ANSWERED = "Missed but answered";

    private InboundActivities() {
    }

    /** Files {@code call} under the contact its caller's number matches, in the journal's transaction. */
    static void file(Connection c, Campaign campaign, FinishedCall call) throws SQLException {
        String caller = e164(campaign, call.number);
        Optional<Long> contact = contactOf(c, campaign, caller);
        if (contact.isEmpty()) {
            return;
        }
        long contactId = contact.get();
        boolean answered = call.outcome == CallOutcome.CONNECTED && call.answerMillis >= 0;
        String result = answered ? INBOUND : MISSED;
        String group = answered ? "Answered" : "Not reached";
        if (answered) {
            Jdbc.update(c, """
                    UPDATE activities SET outcome = ? WHERE campaign_id = ? AND contact_id = ? AND call_type = ?
                      AND outcome = ?""", MISSED_BUT_ANSWERED, campaign.id(), contactId, INBOUND_CALL, MISSED);
        }
        long caseId = CallResults.caseOf(c, campaign, contactId);
        Jdbc.update(c, """
                INSERT INTO activities(call_id, campaign_id, contact_id, case_id, call_type, start_millis, answer_millis,
                  end_millis, duration_millis, caller_id, called_number, agent_id, call_outcome, outcome, result_group, subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                call.callId, call.campaignId, contactId, caseId, INBOUND_CALL, call.startMillis,
                answered ? call.answerMillis : null, call.endMillis,
                answered ? Math.max(0, call.endMillis - call.answerMillis) : 0, caller,
                call.callerId != null ? call.callerId : "", call.agentId, call.outcome, result, group,
                SubjectTemplate.render(campaign, INBOUND_CALL, call.startMillis, result, group));
    }

    /** The E.164 form of the caller's number in the campaign's region, or {@code null} when it is none. */
    private static String e164(Campaign campaign, String caller) {
        if (caller == null) {
            return null;
        }
        try {
            return PhoneNumbers.e164(caller, campaign.defaultRegion());
        } catch (RuntimeException notANumber) {
            return null;
        }
    }

    /** The campaign's contact with the E.164 number {@code e164} among its numbers. */
    static Optional<Long> contactOf(Connection c, Campaign campaign, String e164) throws SQLException {
        if (e164 == null) {
            return Optional.empty();
        }
        Optional<Long> byPhone = Jdbc.one(c, "SELECT id FROM contacts WHERE campaign_id = ? AND phone = ?",
                rs -> rs.getLong(1), campaign.id(), e164);
        if (byPhone.isPresent()) {
            return byPhone;
        }
        return Jdbc.one(c, """
                SELECT n.contact_id FROM contact_numbers n JOIN contacts k ON k.id = n.contact_id
                WHERE k.campaign_id = ? AND n.number = ? ORDER BY n.contact_id LIMIT 1""",
                rs -> rs.getLong(1), campaign.id(), e164);
    }
}
