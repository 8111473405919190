package io.pacer.store.journal;

import io.pacer.engine.call.CallOutcome;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.campaign.Treatment;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.ContactNumbers;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What an unconnected call does to its contact's attempt chain, in the journal's transaction: which number is
 * tried next, when, and whether the contact is exhausted. Decided here, when the outcome is recorded, so the core
 * only ever receives a number ready to dial.
 *
 * <p>With treatment steps for the outcome's class, step k (k = such outcomes so far) decides; once the steps run
 * out, the contact is exhausted. Without, the default chain (VICIdial's alternate-number dialling): a number
 * that was busy, not answered, a machine or failed passes the turn to the next number at once, until every
 * number was tried in this round; then the contact waits the retry rule's delay and starts again at its first
 * number. A call a person answered (abandoned, hung up) keeps its number and waits the delay (and the regime's
 * lockout). A retry rule's maximum counts per number; the campaign's and the list's caps count per contact.
 */
final class ChainOutcome {

    private ChainOutcome() {
    }

    /** Moves the contact on after {@code outcome} on {@code calledNumber}; only a contact still DIALING changes. */
    static void apply(Connection c, Campaign campaign, DialingRules rules, long contactId, String calledNumber,
            CallOutcome outcome, long nowMillis) throws SQLException {
        RetryClass retryClass = RetryClass.of(outcome);
        String column = retryClass.attemptsColumn();
        Object[] row = Jdbc.one(c, "SELECT number_position, round_tries, time_zone, phone, " + column + ", attempts, "
                + "(SELECT max_attempts FROM contact_lists l WHERE l.id = contacts.list_id) AS list_cap FROM contacts WHERE id = ? AND state = 'DIALING'",
                rs -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                    Jdbc.nullableLong(rs, "list_cap")}, contactId).orElse(null);
        if (row == null) {
            return;
        }
        List<ContactNumber> numbers = ContactNumbers.orSingle(ContactNumbers.load(c, contactId), (String) row[3]);
        int n = numbers.size();
        int called = positionOf(numbers, calledNumber, (Integer) row[0]);
        Jdbc.update(c, "UPDATE contact_numbers SET attempts = attempts + 1, last_outcome = ? WHERE contact_id = ? AND position = ?",
                outcome.name(), contactId, called);
        int classAttempts = (Integer) row[4];
        int attempts = (Integer) row[5];
        long listCap = row[6] == null ? Long.MAX_VALUE : (Long) row[6];
        boolean exhausted = attempts + 1 >= Math.min(campaign.maxAttempts(), listCap);
        long lockoutMillis = outcome.answeredByPerson() ? campaign.retryDelayMillis(outcome) : 0;
        Next next;
        List<Treatment> steps = rules.steps(retryClass);
        if (!steps.isEmpty()) {
            next = classAttempts >= steps.size() ? new Next(called, 0, nowMillis, true)
                    : treat(steps.get(classAttempts), called, n, (String) row[2], campaign, nowMillis);
        } else {
            RetryRule rule = campaign.retryRule(retryClass);
            boolean classDone = classAttempts + 1 >= (long) rule.maxAttempts() * n;
            next = defaultChain(called, (Integer) row[1], n, outcome, nowMillis, campaign.retryDelayMillis(outcome), classDone);
        }
        Jdbc.update(c, "UPDATE contacts SET attempts = attempts + 1, " + column + " = " + column + " + 1, state = ?, "
                + "next_due_millis = ?, number_position = ?, round_tries = ? WHERE id = ? AND state = 'DIALING'",
                exhausted || next.exhausted ? "EXHAUSTED" : "READY", Math.max(next.dueMillis, nowMillis + lockoutMillis),
                next.position, next.roundTries, contactId);
    }

    /** Where the chain goes and when. */
    private record Next(int position, int roundTries, long dueMillis, boolean exhausted) {
    }

    private static Next defaultChain(int called, int roundTries, int n, CallOutcome outcome, long nowMillis,
            long delayMillis, boolean classDone) {
        if (!outcome.answeredByPerson() && roundTries + 1 < n) {
            return new Next((called + 1) % n, roundTries + 1, nowMillis, classDone);
        }
        return new Next(outcome.answeredByPerson() ? called : 0, 0, nowMillis + delayMillis, classDone);
    }

    private static Next treat(Treatment step, int called, int n, String zone, Campaign campaign, long nowMillis) {
        return switch (step.action()) {
            case REDIAL -> new Next(called, 0, nowMillis + step.delaySeconds() * 1000, false);
            case NEXT_NUMBER -> new Next((called + 1) % n, 0, nowMillis + step.delaySeconds() * 1000, false);
            case NEXT_DAY -> new Next(0, 0, nextDayAt(zone, campaign, step.atMinute(), nowMillis), false);
        };
    }

    private static long nextDayAt(String zone, Campaign campaign, int minute, long nowMillis) {
        ZoneId id;
        try {
            id = zone == null ? campaign.zone() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            id = campaign.zone();
        }
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(id);
        return now.toLocalDate().plusDays(1).atStartOfDay(id).plusMinutes(minute).toInstant().toEpochMilli();
    }

    private static int positionOf(List<ContactNumber> numbers, String number, int fallback) {
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i).number().equals(number)) {
                return i;
            }
        }
        return Math.floorMod(fallback, numbers.size());
    }
}
