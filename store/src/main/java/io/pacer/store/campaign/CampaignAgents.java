package io.pacer.store.campaign;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CallbackFallback;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the core must know of a campaign's agents: the rules on them ({@link AgentRules}: preview offer,
 * missed offers, wrap-up limit and its automatic outcome, personal callbacks' grace) and the responsibles expanded to user ids (the responsible users and every
 * member of a responsible group), which the core checks at every login, whatever path it came by.
 */
public final class CampaignAgents {

    private final Database db;

    /** The campaigns' agents over {@code db}. */
    public CampaignAgents(Database db) {
        this.db = db;
    }

    /** The campaign's rules on its agents; the defaults ({@link AgentRules#NONE}) when they were never set. */
    public AgentRules rules(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return rules(c, campaignId);
        });
    }

    /** The campaign's rules on its agents, in the caller's transaction. */
    public static AgentRules rules(Connection c, long campaignId) throws SQLException {
        return Jdbc.one(c, """
                SELECT preview_timeout_millis, max_missed_offers, wrap_up_limit_millis, wrap_up_outcome,
                  callback_grace_millis, callback_fallback
                FROM campaign_agent_rules WHERE campaign_id = ?""",
                rs -> new AgentRules(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        CallbackFallback.valueOf(rs.getString(6))), campaignId)
                .orElse(AgentRules.NONE);
    }

    /** Replaces the campaign's timers on its agents, checked first, with the other rules at their defaults. */
    public AgentRules setRules(long campaignId, long previewTimeoutMillis, int maxMissedOffers, long wrapUpLimitMillis) {
        return setRules(campaignId, () -> new AgentRules(previewTimeoutMillis, maxMissedOffers, wrapUpLimitMillis));
    }

    /**
     * Replaces the campaign's rules on its agents; returns what is stored. Refused, naming the field, when a rule is
     * out of its range or the automatic outcome is not one the campaign knows or one a person must decide (a
     * callback needs its time, a do-not-call blocks a number).
     */
    public AgentRules setRules(long campaignId, java.util.function.Supplier<AgentRules> build) {
        AgentRules rules;
        try {
            rules = build.get();
        } catch (CampaignConfig.InvalidSettingException e) {
            throw new InvalidFieldException(e.field(), e.problem());
        }
        return db.write(c -> {
            CampaignRepository.get(c, campaignId);
            if (rules.wrapUpOutcome() != null) {
                checkAutomatic(c, campaignId, rules.wrapUpOutcome());
            }
            write(c, campaignId, rules);
            return rules;
        });
    }

    private static void checkAutomatic(Connection c, long campaignId, String outcome) throws SQLException {
        AgentOutcome behaviour = Jdbc.one(c, "SELECT behaviour FROM custom_outcomes WHERE campaign_id = ? AND name = ?",
                rs -> AgentOutcome.valueOf(rs.getString(1)), campaignId, outcome).orElse(null);
        if (behaviour == null) {
            try {
                behaviour = AgentOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("wrapUpOutcome", "unknown outcome " + outcome + ": use one of "
                        + java.util.Arrays.toString(AgentOutcome.values()) + " or a custom outcome of the campaign");
            }
        }
        if (behaviour == AgentOutcome.CALL_AGAIN || behaviour == AgentOutcome.DO_NOT_CALL) {
            throw new InvalidFieldException("wrapUpOutcome", outcome + " is " + behaviour
                    + ", which a person decides (a callback needs its time, do-not-call blocks a number); use one that "
                    + "is NOT_REACHABLE, NO_INTEREST or DONE");
        }
    }

    private static void write(Connection c, long campaignId, AgentRules rules) throws SQLException {
        Jdbc.update(c, "DELETE FROM campaign_agent_rules WHERE campaign_id = ?", campaignId);
        Jdbc.update(c, """
                INSERT INTO campaign_agent_rules(campaign_id, preview_timeout_millis, max_missed_offers, wrap_up_limit_millis,
                  wrap_up_outcome, callback_grace_millis, callback_fallback)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", campaignId, rules.previewTimeoutMillis(), rules.maxMissedOffers(),
                rules.wrapUpLimitMillis(), rules.wrapUpOutcome(), rules.callbackGraceMillis(), rules.callbackFallback());
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
