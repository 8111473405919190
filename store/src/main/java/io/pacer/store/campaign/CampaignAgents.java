package io.pacer.store.campaign;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the core must know of a campaign's agents: the timers on them ({@link AgentRules}: preview offer,
 * missed offers, wrap-up limit) and the responsibles expanded to user ids (the responsible users and every
 * member of a responsible group), which the core checks at every login, whatever path it came by.
 */
public final class CampaignAgents {

    private final Database db;

    /** The campaigns' agents over {@code db}. */
    public CampaignAgents(Database db) {
        this.db = db;
    }

    /** The campaign's timers on its agents; none when they were never set. */
    public AgentRules rules(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return Jdbc.one(c, """
                    SELECT preview_timeout_millis, max_missed_offers, wrap_up_limit_millis
                    FROM campaign_agent_rules WHERE campaign_id = ?""",
                    rs -> new AgentRules(rs.getLong(1), rs.getInt(2), rs.getLong(3)), campaignId)
                    .orElse(AgentRules.NONE);
        });
    }

    /** Replaces the campaign's timers on its agents, checked first; returns what is stored. */
    public AgentRules setRules(long campaignId, long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis) {
        AgentRules rules;
        try {
            rules = new AgentRules(previewTimeoutMillis, maxMissedOffers, wrapUpLimitMillis);
        } catch (CampaignConfig.InvalidSettingException e) {
            throw new InvalidFieldException(e.field(), e.problem());
        }
        return db.write(c -> {
            CampaignRepository.get(c, campaignId);
            write(c, campaignId, rules);
            return rules;
        });
    }

    private static void write(Connection c, long campaignId, AgentRules rules) throws SQLException {
        Jdbc.update(c, "DELETE FROM campaign_agent_rules WHERE campaign_id = ?", campaignId);
        Jdbc.update(c, """
                INSERT INTO campaign_agent_rules(campaign_id, preview_timeout_millis, max_missed_offers, wrap_up_limit_millis)
                VALUES (?, ?, ?, ?)""", campaignId, rules.previewTimeoutMillis(), rules.maxMissedOffers(),
                rules.wrapUpLimitMillis());
    }

    /**
     * The ids of every user who may work the campaign: its responsible users and the members of its responsible
     * groups, disabled users left out (they cannot log in by any path).
     */
    public int[] responsibleUserIds(long campaignId) {
        List<Long> ids = db.read(c -> Jdbc.query(c, """
                SELECT u.id FROM users u WHERE u.disabled = 0 AND u.id IN (
                  SELECT r.user_id FROM campaign_responsibles r WHERE r.campaign_id = ? AND r.user_id IS NOT NULL
                  UNION
                  SELECT m.user_id FROM group_members m JOIN campaign_responsibles r ON r.group_id = m.group_id
                  WHERE r.campaign_id = ?)
                ORDER BY u.id""", rs -> rs.getLong(1), campaignId, campaignId));
        return ids.stream().mapToInt(Long::intValue).toArray();
    }
}
