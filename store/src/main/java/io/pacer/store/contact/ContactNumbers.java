package io.pacer.store.contact;

import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A contact's numbers: read, replaced as a whole (the order is the attempt chain's), and loaded for the hopper.
 * A contact with no rows has one number, its {@code phone}; once it has rows, {@code phone} is the first of them
 * (the list's key for duplicates and the number the API has always shown).
 */
public final class ContactNumbers {

    /** The most numbers one contact may have. */
    public static final int MAX_NUMBERS = 10;

    private final Database db;

    /** Numbers over a database. */
    public ContactNumbers(Database db) {
        this.db = db;
    }

    /** The contact's numbers in chain order (one HOME number built from {@code phone} when it has no rows). */
    public List<ContactNumber> list(long campaignId, long contactId) {
        return db.read(c -> {
            Contact contact = ContactRepository.get(c, campaignId, contactId);
            return orSingle(load(c, contactId), contact.phone());
        });
    }

    /**
     * Replaces the contact's numbers; each is normalised in the campaign's default region. Refused while the
     * contact is being dialled (the change would race the call's result), and when the first number belongs to
     * another contact of the list. The chain starts again at the first number.
     */
    public List<ContactNumber> replace(long campaignId, long contactId, List<ContactNumber> wanted) {
        return db.write(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            if (campaign.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            Contact contact = ContactRepository.get(c, campaignId, contactId);
            if (contact.state() == ContactState.DIALING) {
                throw new ConflictException("state", "the contact is being dialled; try again when the call has ended");
            }
            List<ContactNumber> numbers = normalise(wanted, campaign.defaultRegion());
            String first = numbers.get(0).number();
            if (!first.equals(contact.phone()) && Jdbc.number(c,
                    "SELECT COUNT(*) FROM contacts WHERE campaign_id = ? AND phone = ? AND id <> ?", campaignId, first, contactId) > 0) {
                throw new ConflictException("numbers[0].number", "already the number of another contact: " + first);
            }
            write(c, contactId, numbers);
            Jdbc.update(c, "UPDATE contacts SET phone = ?, number_position = 0, round_tries = 0 WHERE id = ?", first, contactId);
            return orSingle(load(c, contactId), first);
        });
    }

    /** Writes numbers already normalised (the importer's and {@link #replace}'s), replacing any the contact had. */
    public static void write(Connection c, long contactId, List<ContactNumber> numbers) throws SQLException {
        Jdbc.update(c, "DELETE FROM contact_numbers WHERE contact_id = ?", contactId);
        int position = 0;
        for (ContactNumber n : numbers) {
            Jdbc.update(c, """
                    INSERT INTO contact_numbers(contact_id, position, number, type, time_zone, window_start_minute, window_end_minute)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", contactId, position++, n.number(), n.type().name(), n.timeZone(),
                    n.hasOwnWindow() ? n.windowStartMinute() : null, n.hasOwnWindow() ? n.windowEndMinute() : null);
        }
    }

    /** The rows of a contact in chain order (empty when it has only its {@code phone}). */
    public static List<ContactNumber> load(Connection c, long contactId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM contact_numbers WHERE contact_id = ? ORDER BY position", ContactNumbers::of, contactId);
    }

    /** One row. */
    public static ContactNumber of(ResultSet rs) throws SQLException {
        int start = rs.getInt("window_start_minute");
        boolean own = !rs.wasNull();
        int end = rs.getInt("window_end_minute");
        return new ContactNumber(rs.getInt("position"), rs.getString("number"), NumberType.valueOf(rs.getString("type")),
                rs.getString("time_zone"), own ? start : -1, own ? end : -1, rs.getInt("attempts"), rs.getString("last_outcome"));
    }

    /** The rows, or the contact's one number when there are none. */
    public static List<ContactNumber> orSingle(List<ContactNumber> rows, String phone) {
        return rows.isEmpty() ? List.of(new ContactNumber(0, phone, NumberType.HOME, null, -1, -1, 0, null)) : rows;
    }

    /** Checks and normalises numbers as given by the API or a file, naming the field of the first problem. */
    public static List<ContactNumber> normalise(List<ContactNumber> wanted, String defaultRegion) {
        if (wanted == null || wanted.isEmpty()) {
            throw new InvalidFieldException("numbers", "at least one number is needed");
        }
        if (wanted.size() > MAX_NUMBERS) {
            throw new InvalidFieldException("numbers", "at most " + MAX_NUMBERS + " numbers per contact");
        }
        List<ContactNumber> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            ContactNumber n = wanted.get(i);
            String field = "numbers[" + i + "]";
            PhoneNumbers.Normalised e164;
            try {
                e164 = PhoneNumbers.normalise(n.number(), defaultRegion, null);
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(field + ".number", e.problem());
            }
            if (!seen.add(e164.e164())) {
                throw new InvalidFieldException(field + ".number", "listed twice: " + e164.e164());
            }
            if (n.type() == null) {
                throw new InvalidFieldException(field + ".type", "must be one of HOME, MOBILE, WORK, OTHER");
            }
            checkWindow(field, n);
            String zone = n.timeZone() != null ? n.timeZone() : e164.timeZone();
            checkZone(field, zone);
            out.add(new ContactNumber(i, e164.e164(), n.type(), zone, n.windowStartMinute(), n.windowEndMinute(), 0, null));
        }
        return out;
    }

    private static void checkWindow(String field, ContactNumber n) {
        if (n.windowStartMinute() < 0 && n.windowEndMinute() < 0) {
            return;
        }
        if (n.windowStartMinute() < 0 || n.windowStartMinute() >= 1440) {
            throw new InvalidFieldException(field + ".windowStartMinute", "must be within 0..1439 when the number has its own window");
        }
        if (n.windowEndMinute() <= n.windowStartMinute() || n.windowEndMinute() > 1440) {
            throw new InvalidFieldException(field + ".windowEndMinute", "must be after windowStartMinute and at most 1440");
        }
    }

    private static void checkZone(String field, String zone) {
        if (zone == null) {
            return;
        }
        try {
            java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new InvalidFieldException(field + ".timeZone", "must be a time zone id such as Europe/Berlin, was " + zone);
        }
    }
}
