package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A campaign's lists: created, changed, deleted, contacts assigned, and counted by why they are (not) dialable. */
public final class ContactLists {

    private final Database db;
    private final DoNotCallList doNotCall;

    /** Lists over a database, counting numbers blocked by {@code doNotCall}. */
    public ContactLists(Database db, DoNotCallList doNotCall) {
        this.db = db;
        this.doNotCall = doNotCall;
    }

    /** The campaign's lists, by id. */
    public List<ContactList> list(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return all(c, campaignId);
        });
    }

    /** The lists of a campaign in a transaction (the hopper reads them). */
    public static List<ContactList> all(Connection c, long campaignId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM contact_lists WHERE campaign_id = ? ORDER BY id", ContactLists::of, campaignId);
    }

    /** Creates a list (id 0) or replaces one's settings. */
    public ContactList save(ContactList list) {
        check(list);
        return db.write(c -> {
            if (CampaignRepository.get(c, list.campaignId()).done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            if (Jdbc.number(c, "SELECT COUNT(*) FROM contact_lists WHERE campaign_id = ? AND name = ? AND id <> ?",
                    list.campaignId(), list.name(), list.id()) > 0) {
                throw new ConflictException("name", "the campaign already has a list named " + list.name());
            }
            Integer cap = list.maxAttempts() < 0 ? null : list.maxAttempts();
            long id = list.id();
            if (id == 0) {
                id = Jdbc.insert(c, "INSERT INTO contact_lists(campaign_id, name, weight, active, max_attempts) VALUES (?, ?, ?, ?, ?) RETURNING id",
                        list.campaignId(), list.name(), list.weight(), list.active(), cap);
            } else if (Jdbc.update(c, "UPDATE contact_lists SET name = ?, weight = ?, active = ?, max_attempts = ? WHERE id = ? AND campaign_id = ?",
                    list.name(), list.weight(), list.active(), cap, id, list.campaignId()) == 0) {
                throw new NotFoundException("listId", id);
            }
            return get(c, list.campaignId(), id);
        });
    }

    /** Deletes a list; its contacts stay, in the campaign's default list. */
    public void delete(long campaignId, long listId) {
        db.write(c -> {
            get(c, campaignId, listId);
            Jdbc.update(c, "UPDATE contacts SET list_id = NULL WHERE list_id = ?", listId);
            Jdbc.update(c, "DELETE FROM contact_lists WHERE id = ?", listId);
            return null;
        });
    }

    /** Puts contacts in a list ({@code listId} -1: the default list); returns how many moved. */
    public int assign(long campaignId, long listId, List<Long> contactIds) {
        return db.write(c -> {
            if (listId >= 0) {
                get(c, campaignId, listId);
            }
            int moved = 0;
            for (long id : contactIds) {
                moved += Jdbc.update(c, "UPDATE contacts SET list_id = ? WHERE id = ? AND campaign_id = ?",
                        listId < 0 ? null : listId, id, campaignId);
            }
            return moved;
        });
    }

    /** One list. */
    public static ContactList get(Connection c, long campaignId, long listId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM contact_lists WHERE id = ? AND campaign_id = ?", ContactLists::of, listId, campaignId)
                .orElseThrow(() -> new NotFoundException("listId", listId));
    }

    /**
     * Counts each list's contacts (the default list as id 0) by whether they are dialable now and, if not, why,
     * judged as the hopper would judge them.
     */
    public List<ListCounts> counts(long campaignId, long nowMillis) {
        return db.read(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            Map<Long, long[]> byList = new HashMap<>();
            byList.put(0L, new long[8]);
            for (ContactList l : all(c, campaignId)) {
                byList.put(l.id(), new long[8]);
            }
            Map<Long, List<ContactNumber>> numbers = new HashMap<>();
            Jdbc.query(c, "SELECT n.* FROM contact_numbers n JOIN contacts k ON k.id = n.contact_id WHERE k.campaign_id = ? ORDER BY n.position",
                    rs -> numbers.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>()).add(ContactNumbers.of(rs)), campaignId);
            Jdbc.query(c, "SELECT id, list_id, state, closed_reason, next_due_millis, time_zone, phone, number_position, dial_number "
                    + "FROM contacts WHERE campaign_id = ?", rs -> {
                        Long list = Jdbc.nullableLong(rs, "list_id");
                        long[] counts = byList.computeIfAbsent(list == null ? 0L : list, k -> new long[8]);
                        counts[reason(rs, campaign, numbers, nowMillis)]++;
                        return null;
                    }, campaignId);
            List<ListCounts> out = new ArrayList<>();
            byList.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                long[] k = e.getValue();
                out.add(new ListCounts(e.getKey(), k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]));
            });
            return out;
        });
    }

    private int reason(ResultSet rs, Campaign campaign, Map<Long, List<ContactNumber>> numbers, long nowMillis) throws SQLException {
        String state = rs.getString("state");
        String closed = rs.getString("closed_reason");
        switch (state) {
            case "DIALING", "AWAITING_OUTCOME" -> {
                return 6;
            }
            case "EXHAUSTED" -> {
                return 4;
            }
            case "READY", "CALLBACK" -> {
                if (rs.getLong("next_due_millis") > nowMillis) {
                    return 2;
                }
                String callbackNumber = rs.getString("dial_number");
                List<ContactNumber> chain = callbackNumber != null ? ContactNumbers.orSingle(List.of(), callbackNumber)
                        : ContactNumbers.orSingle(numbers.getOrDefault(rs.getLong("id"), List.of()), rs.getString("phone"));
                NumberPick pick = AttemptChain.pick(campaign, doNotCall, chain, rs.getInt("number_position"),
                        rs.getString("time_zone"), nowMillis);
                return pick.number() != null ? 0 : pick.allBlocked() ? 3 : 1;
            }
            default -> {
                if ("DO_NOT_CALL".equals(closed)) {
                    return 3;
                }
                return closed != null && closed.toUpperCase(java.util.Locale.ROOT).contains("CONSENT") ? 5 : 7;
            }
        }
    }

    private static void check(ContactList list) {
        if (list.name() == null || list.name().isBlank()) {
            throw new InvalidFieldException("name", "must not be empty");
        }
        if (list.weight() < 1 || list.weight() > 1000) {
            throw new InvalidFieldException("weight", "must be within 1..1000");
        }
        if (list.maxAttempts() != -1 && (list.maxAttempts() < 1 || list.maxAttempts() > 100)) {
            throw new InvalidFieldException("maxAttempts", "must be within 1..100, or absent for no cap of the list");
        }
    }

    private static ContactList of(ResultSet rs) throws SQLException {
        Long cap = Jdbc.nullableLong(rs, "max_attempts");
        return new ContactList(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"), rs.getInt("weight"),
                rs.getInt("active") != 0, cap == null ? -1 : (int) (long) cap);
    }
}
