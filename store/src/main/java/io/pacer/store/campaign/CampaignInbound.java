package io.pacer.store.campaign;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.InboundRules;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a campaign takes customers who call back (blending): whether it does, its access numbers (besides its display
 * numbers), the maximum wait for an agent and the agents the pacing leaves for callers. The core gets them as
 * {@link InboundRules} with the display and access numbers as one list ({@link #rules}).
 */
public final class CampaignInbound {

    /**
     * A campaign's stored inbound settings.
     *
     * @param enabled        whether the campaign takes inbound calls
     * @param accessNumbers  E.164 numbers that reach it besides its display numbers
     * @param maxWaitMillis  a caller waiting this long for an agent ends as missed
     * @param reservedAgents ready agents the pacing does not dial for
     */
    public record Settings(boolean enabled, List<String> accessNumbers, long maxWaitMillis, int reservedAgents) {
    }

    private final Database db;

    /** The campaigns' inbound settings over {@code db}. */
    public CampaignInbound(Database db) {
        this.db = db;
    }

    /** The campaign's inbound settings; off, with the default wait, when never set. */
    public Settings settings(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return settings(c, campaignId);
        });
    }

    private static Settings settings(Connection c, long campaignId) throws SQLException {
        List<String> access = Jdbc.query(c, "SELECT number FROM campaign_access_numbers WHERE campaign_id = ? ORDER BY number",
                rs -> rs.getString(1), campaignId);
        return Jdbc.one(c, "SELECT enabled, max_wait_millis, reserved_agents FROM campaign_inbound WHERE campaign_id = ?",
                rs -> new Settings(rs.getInt(1) != 0, access, rs.getLong(2), rs.getInt(3)), campaignId)
                .orElse(new Settings(false, access, InboundRules.DEFAULT_WAIT_MILLIS, 0));
    }

    /** Replaces the campaign's inbound settings, checked first (the error names the field); returns what is stored. */
    public Settings set(long campaignId, Settings s) {
        try {
            new InboundRules(s.enabled(), s.accessNumbers(), s.maxWaitMillis(), s.reservedAgents());
        } catch (CampaignConfig.InvalidSettingException e) {
            throw new InvalidFieldException(e.field(), e.problem());
        }
        return db.write(c -> {
            CampaignRepository.get(c, campaignId);
            Jdbc.update(c, "DELETE FROM campaign_inbound WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "INSERT INTO campaign_inbound(campaign_id, enabled, max_wait_millis, reserved_agents) VALUES (?, ?, ?, ?)",
                    campaignId, s.enabled() ? 1 : 0, s.maxWaitMillis(), s.reservedAgents());
            Jdbc.update(c, "DELETE FROM campaign_access_numbers WHERE campaign_id = ?", campaignId);
            for (String number : new java.util.TreeSet<>(s.accessNumbers())) {
                Jdbc.update(c, "INSERT INTO campaign_access_numbers(campaign_id, number) VALUES (?, ?)", campaignId, number);
            }
            return settings(c, campaignId);
        });
    }

    /** What the core needs: the settings with the campaign's display numbers and access numbers as one list. */
    public InboundRules rules(long campaignId) {
        return db.read(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            Settings s = settings(c, campaignId);
            List<String> numbers = new ArrayList<>(campaign.displayNumbers());
            for (String n : s.accessNumbers()) {
                if (!numbers.contains(n)) {
                    numbers.add(n);
                }
            }
            return new InboundRules(s.enabled(), numbers, s.maxWaitMillis(), s.reservedAgents());
        });
    }
}
