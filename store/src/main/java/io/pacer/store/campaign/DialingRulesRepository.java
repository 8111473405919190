package io.pacer.store.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.ConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Stores a campaign's {@link DialingRules} (table campaign_dialing, the treatments as JSON). */
public final class DialingRulesRepository {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<EnumMap<RetryClass, List<Treatment>>> TYPE = new TypeReference<>() { };

    private final Database db;

    /** Repository over a database. */
    public DialingRulesRepository(Database db) {
        this.db = db;
    }

    /** The campaign's rules ({@link DialingRules#DEFAULT} when it never set any). */
    public DialingRules get(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return get(c, campaignId);
        });
    }

    /** Replaces the campaign's rules; refused once it is done. */
    public DialingRules put(long campaignId, DialingRules rules) {
        return db.write(c -> {
            if (CampaignRepository.get(c, campaignId).done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            Jdbc.update(c, "DELETE FROM campaign_dialing WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "INSERT INTO campaign_dialing(campaign_id, caller_id_mode, treatments) VALUES (?, ?, ?)",
                    campaignId, rules.callerIdMode().name(), write(rules.treatments()));
            return get(c, campaignId);
        });
    }

    /** The rules in a transaction (the hopper's refill and the journal read them). */
    public static DialingRules get(Connection c, long campaignId) throws SQLException {
        return Jdbc.one(c, "SELECT caller_id_mode, treatments FROM campaign_dialing WHERE campaign_id = ?",
                rs -> new DialingRules(CallerIdMode.valueOf(rs.getString(1)), read(rs.getString(2))), campaignId)
                .orElse(DialingRules.DEFAULT);
    }

    private static String write(Map<RetryClass, List<Treatment>> treatments) {
        try {
            return MAPPER.writeValueAsString(treatments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<RetryClass, List<Treatment>> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored treatments unreadable: " + json, e);
        }
    }
}
