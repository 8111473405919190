package io.pacer.store.contact;

import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finding contacts the way a CRM knows them: by phone number (E.164, or national in a campaign's
 * {@code defaultRegion}) or by the CRM's own id, kept as the free field {@code externalId}; and telling whether a
 * number is blocked, globally or by which campaigns' do-not-call lists.
 */
public final class ContactLookup {

    /** The free field that holds a CRM's own id of a contact (import it with {@code &field=externalId}). */
    public static final String EXTERNAL_ID_FIELD = "externalId";

    private final Database db;

    /** Look-ups over a database. */
    public ContactLookup(Database db) {
        this.db = db;
    }

    /**
     * A number in E.164: read in the campaign's default region when a campaign is named ({@code campaignId} > 0),
     * else it must already carry its country code.
     */
    public String e164(String raw, long campaignId) {
        if (campaignId > 0) {
            return PhoneNumbers.e164(raw, db.read(c -> CampaignRepository.get(c, campaignId)).defaultRegion());
        }
        if (raw == null || !raw.trim().startsWith("+")) {
            throw new InvalidFieldException("phone", "give it in E.164 (+ and country code), or name a campaignId whose "
                    + "defaultRegion reads a national number");
        }
        return PhoneNumbers.e164(raw, "ZZ");
    }

    /** Contacts with a number, in one campaign ({@code campaignId} > 0) or in all, oldest first. */
    public List<Contact> byPhone(String e164, long campaignId) {
        return db.read(c -> campaignId > 0
                ? Jdbc.query(c, "SELECT * FROM contacts WHERE campaign_id = ? AND phone = ? ORDER BY id", ContactRepository::contact,
                        campaignId, e164)
                : Jdbc.query(c, "SELECT * FROM contacts WHERE phone = ? ORDER BY id", ContactRepository::contact, e164));
    }

    /** Contacts whose {@code externalId} field is {@code externalId}, in one campaign or in all, oldest first. */
    public List<Contact> byExternalId(String externalId, long campaignId) {
        if (campaignId > 0) {
            db.read(c -> CampaignRepository.get(c, campaignId));
        }
        String field = db.dialect().jsonField("fields");
        List<Object> params = new ArrayList<>();
        params.add(db.dialect().jsonFieldParameter(EXTERNAL_ID_FIELD));
        params.add(externalId);
        String sql = "SELECT * FROM contacts WHERE " + field + " = ?";
        if (campaignId > 0) {
            sql += " AND campaign_id = ?";
            params.add(campaignId);
        }
        String query = sql + " ORDER BY id";
        return db.read(c -> Jdbc.query(c, query, ContactRepository::contact, params.toArray()));
    }

    /** The do-not-call lists holding a number (E.164): campaign ids, {@link DoNotCallList#GLOBAL} for the global one. */
    public List<Long> listsHolding(String e164) {
        return db.read(c -> Jdbc.query(c, "SELECT campaign_id FROM do_not_call WHERE phone = ? ORDER BY campaign_id",
                rs -> rs.getLong(1), e164));
    }
}
