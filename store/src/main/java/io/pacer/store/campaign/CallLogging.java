package io.pacer.store.campaign;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which of a campaign's calls become activities: every answered call always; an unanswered one (no answer, busy,
 * failed) with the result {@link #NO_ANSWER} unless the campaign turned that off, as the CTI connector offers.
 */
public final class CallLogging {

    /** The result an unanswered call is filed with. */
    public static final String NO_ANSWER = "No answer";
    /** The result group of {@link #NO_ANSWER}. */
    public static final String NOT_REACHED = "Not reached";

    private final Database db;

    /** Call logging over {@code db}. */
    public CallLogging(Database db) {
        this.db = db;
    }

    /** Whether the campaign files its unanswered calls as activities. */
    public boolean logsUnanswered(long campaignId) {
        return db.read(c -> {
            CampaignRepository.get(c, campaignId);
            return logsUnanswered(c, campaignId);
        });
    }

    /** Turns the filing of unanswered calls on or off; returns what is stored. */
    public boolean setLogsUnanswered(long campaignId, boolean log) {
        return db.write(c -> {
            CampaignRepository.get(c, campaignId);
            Jdbc.update(c, "DELETE FROM campaign_call_logging WHERE campaign_id = ?", campaignId);
            Jdbc.update(c, "INSERT INTO campaign_call_logging(campaign_id, log_unanswered) VALUES (?, ?)", campaignId,
                    log ? 1 : 0);
            return log;
        });
    }

    /** The same inside a running transaction (the journal's batch). */
    public static boolean logsUnanswered(Connection c, long campaignId) throws SQLException {
        return Jdbc.number(c, "SELECT COUNT(*) FROM campaign_call_logging WHERE campaign_id = ? AND log_unanswered = 0",
                campaignId) == 0;
    }
}
