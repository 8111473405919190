package io.pacer.store.campaign;

import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Each campaign's answering-machine detection settings (docs/amd.md), beside its other settings: a campaign that
 * never set them has detection off with the cautious preset's parameters.
 */
public final class AmdSettingsRepository {

    private final Database db;

    /** The settings over a database. */
    public AmdSettingsRepository(Database db) {
        this.db = db;
    }

    /** The campaign's settings; not found when there is no such campaign. */
    public AmdSettings get(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return of(c, campaignId);
        });
    }

    /** The settings of a campaign known to exist, inside the caller's transaction. */
    static AmdSettings of(Connection c, long campaignId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM campaign_amd WHERE campaign_id = ?", rs -> new AmdSettings(
                rs.getInt("enabled") == 1, rs.getString("preset"), rs.getInt("initial_silence_millis"),
                rs.getInt("greeting_millis"), rs.getInt("after_greeting_silence_millis"), rs.getInt("total_analysis_millis"),
                rs.getInt("min_word_length_millis"), rs.getInt("between_words_silence_millis"), rs.getInt("max_words"),
                rs.getInt("silence_threshold"), rs.getInt("max_word_length_millis"), rs.getString("machine_action"),
                rs.getString("not_sure_action"), rs.getDouble("false_positive_rate")), campaignId)
                .orElse(AmdSettings.OFF);
    }

    /** Replaces the campaign's settings; refused with a conflict once it is done, not found when it does not exist. */
    public AmdSettings put(long campaignId, AmdSettings s) {
        return db.write(c -> {
            Campaign campaign = CampaignRepository.get(c, campaignId);
            if (campaign.done()) {
                throw new io.pacer.store.error.ConflictException("done", "campaign is done and read-only");
            }
            Jdbc.update(c, "DELETE FROM campaign_amd WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, """
                    INSERT INTO campaign_amd(campaign_id, enabled, preset, initial_silence_millis, greeting_millis,
                      after_greeting_silence_millis, total_analysis_millis, min_word_length_millis,
                      between_words_silence_millis, max_words, silence_threshold, max_word_length_millis, machine_action,
                      not_sure_action, false_positive_rate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    campaignId, s.enabled() ? 1 : 0, s.preset(), s.initialSilenceMillis(), s.greetingMillis(),
                    s.afterGreetingSilenceMillis(), s.totalAnalysisMillis(), s.minWordLengthMillis(),
                    s.betweenWordsSilenceMillis(), s.maxWords(), s.silenceThreshold(), s.maxWordLengthMillis(),
                    s.machineAction(), s.notSureAction(), s.falsePositiveRate());
            return of(c, campaignId);
        });
    }

    /**
     * Builds settings from what a client sent, checking each value; the error names the field as the API does
     * ({@code amd.maxWords}).
     */
    public static AmdSettings checked(java.util.function.Supplier<AmdSettings> build) {
        try {
            return build.get();
        } catch (CampaignConfig.InvalidSettingException e) {
            throw new InvalidFieldException(e.field(), e.problem());
        }
    }
}
