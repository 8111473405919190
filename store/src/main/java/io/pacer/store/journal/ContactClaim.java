package io.pacer.store.journal;

import io.pacer.engine.port.ContactSlot;
import io.pacer.store.campaign.CampaignSchedule;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.compliance.RefusalReason;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.DialingRulesRepository;
import io.pacer.store.contact.AttemptChain;
import io.pacer.store.campaign.CallerIds;
import io.pacer.store.contact.NumberPick;
import io.pacer.store.contact.ContactList;
import io.pacer.store.contact.ContactLists;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.ContactNumbers;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign's claim of due contacts, on the hopper's refill thread: splits the places free in the queue among
 * the campaign's active lists by weight (smooth weighted round robin, so over many claims each list gets its
 * share of the dials), picks each contact's number along its attempt chain and a display number, and marks the
 * contacts DIALING in the caller's transaction. Keeps the lists, rules and round-robin credit between claims.
 */
final class ContactClaim {

    /** A contact refused for want of consent is looked at again a day later (or at once when consent is given). */
    static final long CONSENT_RECHECK_MILLIS = 24 * 3_600_000L;


    /** The campaign's default list (contacts without a list), weight 1, always active. */
    private static final long DEFAULT_LIST = -1;

    private final CallerIds callerIds = new CallerIds();
    private final CallbackTeams teams = new CallbackTeams();
    private final Map<Long, Integer> credit = new HashMap<>();
    private List<ContactList> lists = List.of();
    private DialingRules rules = DialingRules.DEFAULT;

    /** Reads the campaign's lists and rules again (the refill does so once a second). */
    void reload(Connection c, long campaignId) throws SQLException {
        lists = ContactLists.all(c, campaignId);
        rules = DialingRulesRepository.get(c, campaignId);
        teams.clear();
    }

    /**
     * Claims up to {@code limit} contacts due at {@code now}. A list that has fewer due contacts than its share
     * leaves its places to the others (a second pass among the lists that filled theirs): weights share the dials
     * among lists that have something to dial.
     */
    List<HopperEntry> claim(Connection c, Campaign campaign, DoNotCallList doNotCall, long now, int limit) throws SQLException {
        List<HopperEntry> entries = new ArrayList<>();
        java.util.Set<Long> short_ = new java.util.HashSet<>();
        for (int pass = 0; pass < 2 && entries.size() < limit; pass++) {
            for (Map.Entry<Long, Integer> share : shares(limit - entries.size(), short_).entrySet()) {
                long list = share.getKey();
                String where = list == DEFAULT_LIST ? "list_id IS NULL" : "list_id = " + list;
                List<Object[]> due = Jdbc.query(c, "SELECT id, phone, dial_number, owner_agent_id, time_zone, number_position, "
                        + "consent_basis, assured, callback_id, next_due_millis FROM contacts WHERE campaign_id = ? AND state IN ('READY', 'CALLBACK') AND next_due_millis <= ? AND "
                        + where + " ORDER BY next_due_millis, id LIMIT ?",
                        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6),
                            rs.getString(7), rs.getInt(8), Jdbc.nullableLong(rs, "callback_id"), rs.getLong(10)},
                        campaign.id(), now, share.getValue());
                if (due.size() < share.getValue()) {
                    short_.add(list);
                }
                take(c, campaign, doNotCall, now, due, entries);
            }
        }
        return entries;
    }

    /** How many of {@code limit} places each active list (but those {@code without}) gets now. */
    private Map<Long, Integer> shares(int limit, java.util.Set<Long> without) {
        Map<Long, Integer> weights = new HashMap<>();
        weights.put(DEFAULT_LIST, 1);
        for (ContactList l : lists) {
            if (l.active()) {
                weights.put(l.id(), l.weight());
            }
        }
        weights.keySet().removeAll(without);
        if (weights.size() <= 1 || limit <= 0) {
            return weights.isEmpty() || limit <= 0 ? Map.of() : Map.of(weights.keySet().iterator().next(), limit);
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < limit; i++) {
            long best = DEFAULT_LIST;
            int bestCredit = Integer.MIN_VALUE;
            for (Map.Entry<Long, Integer> w : weights.entrySet()) {
                int now = credit.merge(w.getKey(), w.getValue(), Integer::sum);
                if (now > bestCredit || (now == bestCredit && w.getKey() < best)) {
                    best = w.getKey();
                    bestCredit = now;
                }
            }
            credit.merge(best, -total, Integer::sum);
            out.merge(best, 1, Integer::sum);
        }
        return out;
    }

    /**
     * Turns the due rows into entries: a contact whose every number is blocked is closed, one without the consent
     * the campaign requires or outside every number's hours waits, and each of those is recorded as refused for
     * the compliance audit (dial_refusals) in this transaction; the rest are committed DIALING.
     */
    private void take(Connection c, Campaign campaign, DoNotCallList doNotCall, long now, List<Object[]> due,
            List<HopperEntry> entries) throws SQLException {
        Map<Long, List<ContactNumber>> numbers = numbersOf(c, due);
        try (PreparedStatement dialling = c.prepareStatement("UPDATE contacts SET state = 'DIALING', placed_call_id = NULL WHERE id = ?");
             PreparedStatement later = c.prepareStatement("UPDATE contacts SET next_due_millis = ? WHERE id = ?");
             PreparedStatement blocked = c.prepareStatement(
                     "UPDATE contacts SET state = 'CLOSED', closed_reason = 'DO_NOT_CALL' WHERE id = ?");
             PreparedStatement refused = DialRefusals.prepare(c)) {
            for (Object[] row : due) {
                long id = (Long) row[0];
                String phone = (String) row[1];
                if (campaign.compliance().requireConsent() && row[6] == null) {
                    Jdbc.bind(later, now + CONSENT_RECHECK_MILLIS, id);
                    later.addBatch();
                    DialRefusals.add(refused, campaign.id(), id, phone, RefusalReason.CONSENT, now, now + CONSENT_RECHECK_MILLIS);
                    continue;
                }
                String callback = (String) row[2];
                List<ContactNumber> chain = callback != null ? ContactNumbers.orSingle(List.of(), callback)
                        : ContactNumbers.orSingle(numbers.getOrDefault(id, List.of()), phone);
                NumberPick pick = AttemptChain.pick(campaign, doNotCall, chain, (Integer) row[5], (String) row[4], now);
                // A callback's own number is dialled only while the contact's main number is not blocked either.
                if (pick.allBlocked() || (callback != null && doNotCall.blocks(campaign.id(), phone))) {
                    Jdbc.bind(blocked, id);
                    blocked.addBatch();
                    DialRefusals.add(refused, campaign.id(), id, phone, RefusalReason.DO_NOT_CALL, now, -1);
                } else if (pick.number() == null) {
                    Jdbc.bind(later, pick.windowMillis(), id);
                    later.addBatch();
                    DialRefusals.add(refused, campaign.id(), id, phone,
                            CampaignSchedule.zoneUnknown(campaign, (String) row[4], phone)
                                    ? RefusalReason.UNKNOWN_ZONE : RefusalReason.HOURS, now, pick.windowMillis());
                } else {
                    Jdbc.bind(dialling, id);
                    dialling.addBatch();
                    String callerId = callerIds.choose(rules.callerIdMode(), campaign.displayNumbers(), pick.number());
                    int owner = (int) (long) (Long) row[3];
                    Long callbackId = (Long) row[8];
                    // A callback's team (or its owner's) decides who takes it; its due time starts the owner's grace.
                    io.pacer.engine.campaign.Responsibles team = callbackId == null ? null : teams.of(c, callbackId, owner);
                    // An assured contact goes to whichever agent is ready, reserved before the dial.
                    entries.add(new HopperEntry(id, pick.number(), owner < 0 && (Integer) row[7] == 1 ? ContactSlot.ASSURED
                            : owner, pick.windowMillis(), callerId, team, callbackId == null ? 0 : (Long) row[9]));
                }
            }
            dialling.executeBatch();
            later.executeBatch();
            blocked.executeBatch();
            refused.executeBatch();
        }
    }

    private static Map<Long, List<ContactNumber>> numbersOf(Connection c, List<Object[]> due) throws SQLException {
        Map<Long, List<ContactNumber>> out = new HashMap<>();
        if (due.isEmpty()) {
            return out;
        }
        StringBuilder ids = new StringBuilder();
        for (Object[] row : due) {
            ids.append(ids.length() == 0 ? "" : ",").append((long) (Long) row[0]);
        }
        Jdbc.query(c, "SELECT * FROM contact_numbers WHERE contact_id IN (" + ids + ") ORDER BY contact_id, position",
                rs -> out.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>()).add(ContactNumbers.of(rs)));
        return out;
    }
}
