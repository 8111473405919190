package io.pacer.store.journal;

import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.util.List;

/** Reading the call history: a user's calls, a campaign's calls, a contact's case. */
public final class ActivityRepository {

    private final Database db;

    /** Repository over a database. */
    public ActivityRepository(Database db) {
        this.db = db;
    }

    /**
     * Calls of a campaign (all campaigns for 0), only {@code agentId}'s when it is not -1, newest first: at most
     * {@code limit}, with ids below {@code beforeId} (the page's keyset; -1: from the newest), changed at or after
     * {@code updatedSinceMillis} (-1: any time), skipping {@code offset} of them.
     */
    public List<Activity> calls(long campaignId, long agentId, long updatedSinceMillis, long beforeId, int limit, int offset) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM activities WHERE (? = 0 OR campaign_id = ?) AND (? = -1 OR agent_id = ?) "
                + "AND updated_millis >= ? AND (? = -1 OR id < ?) ORDER BY id DESC LIMIT ? OFFSET ?", Activity::of, campaignId,
                campaignId, agentId, agentId, Math.max(updatedSinceMillis, 0), beforeId, beforeId, limit, offset));
    }

    /** The case all of a contact's activities in one campaign are filed under (named after the campaign). */
    public record Case(long id, String name) {
    }

    /** The case of a contact in a campaign, or {@code null} before its first call. */
    public Case caseOf(long campaignId, long contactId) {
        return db.read(c -> Jdbc.one(c, "SELECT id, name FROM cases WHERE campaign_id = ? AND contact_id = ?",
                rs -> new Case(rs.getLong(1), rs.getString(2)), campaignId, contactId).orElse(null));
    }

    /** Every activity of a contact in a campaign, oldest first. */
    public List<Activity> ofContact(long campaignId, long contactId) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM activities WHERE campaign_id = ? AND contact_id = ? ORDER BY id",
                Activity::of, campaignId, contactId));
    }

    /** Abandoned calls and calls answered by a person so far, for the campaign's abandonment rate. */
    public long[] abandonedAndAnswered(long campaignId) {
        return db.read(c -> new long[] {
            Jdbc.number(c, "SELECT COUNT(*) FROM activities WHERE campaign_id = ? AND call_outcome = 'ABANDONED'", campaignId),
            Jdbc.number(c, "SELECT COUNT(*) FROM activities WHERE campaign_id = ? AND call_outcome IN ('CONNECTED', 'ABANDONED', 'CUSTOMER_HUNG_UP')", campaignId)
        });
    }

    /**
     * One outcome's outbound calls dialled since a time: how many, and the sums (and sums of squares) of their
     * ring time (dial to answer, or to the end when unanswered) and talk time, in milliseconds, from which the
     * what-if builds its distributions.
     */
    public record OutcomeFigures(String outcome, long calls, double ringSum, double ringSquares, double talkSum,
            double talkSquares) {
    }

    /** {@link OutcomeFigures} per outcome of the campaign's outbound calls dialled at or after {@code sinceMillis}. */
    public List<OutcomeFigures> figuresSince(long campaignId, long sinceMillis) {
        return db.read(c -> Jdbc.query(c, """
                SELECT call_outcome, COUNT(*),
                  SUM(COALESCE(answer_millis, end_millis) - start_millis),
                  SUM((COALESCE(answer_millis, end_millis) - start_millis) * (COALESCE(answer_millis, end_millis) - start_millis)),
                  SUM(duration_millis), SUM(duration_millis * duration_millis)
                FROM activities WHERE campaign_id = ? AND call_type = ? AND start_millis >= ?
                GROUP BY call_outcome""", rs -> new OutcomeFigures(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)), campaignId, CallResults.OUTBOUND, sinceMillis));
    }
}
