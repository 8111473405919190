package io.pacer.store.campaign;

import io.pacer.engine.campaign.Regime;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.pacing.DialMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns and their settings, hours, retry rules, responsibles and custom outcomes; the lifecycle
 * operations (duplicate, lock, mark done). Every method returns once its transaction is committed.
 */
public final class CampaignRepository {

    private final Database db;

    /** Repository over a database. */
    public CampaignRepository(Database db) {
        this.db = db;
    }

    /** Stores a new campaign; returns it with its id. */
    public Campaign create(Campaign campaign, long nowMillis) {
        return db.write(c -> insert(c, campaign, nowMillis));
    }

    private static Campaign insert(Connection c, Campaign campaign, long nowMillis) throws SQLException {
        checkResponsibles(c, campaign);
        checkPool(c, 0, campaign);
        long id = Jdbc.insert(c, """
                INSERT INTO campaigns(name, description, status, done, time_zone, dial_mode, calls_per_ready_agent,
                  calls_per_wrap_agent, abandon_target, ring_timeout_millis, connect_limit_millis, max_channels,
                  display_numbers, max_attempts, window_start_minute, window_end_minute, subject_template, clock24,
                  default_region, regime, abandon_message, lockout_minutes, dial_unknown_zones, holidays, require_consent,
                  abandon_pool, created_millis)
                VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                settings(campaign, nowMillis));
        writeChildren(c, id, campaign);
        return load(c, id).orElseThrow();
    }

    /** The stored settings' values in the column order of the insert and the update, then {@code last}. */
    private static Object[] settings(Campaign campaign, long last) {
        return new Object[] {campaign.name(), campaign.description(), campaign.status(), campaign.timeZone(),
            campaign.dialMode(), campaign.callsPerReadyAgent(), campaign.callsPerWrapAgent(), campaign.abandonTarget(),
            campaign.ringTimeoutMillis(), campaign.connectLimitMillis(), campaign.maxChannels(),
            String.join(",", campaign.displayNumbers()), campaign.maxAttempts(), campaign.windowStartMinute(),
            campaign.windowEndMinute(), campaign.subjectTemplate(), campaign.clock24(), campaign.defaultRegion(),
            campaign.compliance().regime(), campaign.compliance().abandonMessage(),
            campaign.compliance().lockoutMinutes(), campaign.compliance().dialUnknownZones(), holidays(campaign),
            campaign.compliance().requireConsent(), campaign.compliance().abandonPool(), last};
    }

    /** Replaces a campaign's settings; refused with a conflict once it is done. */
    public Campaign update(long id, Campaign campaign) {
        return db.write(c -> {
            Campaign old = load(c, id).orElseThrow(() -> new NotFoundException("campaignId", id));
            if (old.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            checkResponsibles(c, campaign);
            checkPool(c, id, campaign);
            Jdbc.update(c, """
                    UPDATE campaigns SET name = ?, description = ?, status = ?, time_zone = ?, dial_mode = ?,
                      calls_per_ready_agent = ?, calls_per_wrap_agent = ?, abandon_target = ?, ring_timeout_millis = ?,
                      connect_limit_millis = ?, max_channels = ?, display_numbers = ?, max_attempts = ?,
                      window_start_minute = ?, window_end_minute = ?, subject_template = ?, clock24 = ?, default_region = ?,
                      regime = ?, abandon_message = ?, lockout_minutes = ?, dial_unknown_zones = ?, holidays = ?,
                      require_consent = ?, abandon_pool = ?
                    WHERE id = ?""",
                    settings(campaign, id));
            for (String table : List.of("campaign_hours", "retry_rules", "campaign_responsibles")) {
                Jdbc.update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", id);
            }
            writeChildren(c, id, campaign);
            return load(c, id).orElseThrow();
        });
    }

    /**
     * Copies a campaign under a new name, in one transaction: its settings (hours, retry rules, calling window,
     * regime, lockout, display numbers), responsibles, custom outcomes, do-not-call list, treatments and caller-ID
     * rule, call logging, agent rules, AMD settings, abandon message, and its lists with every contact due again
     * ({@link CampaignCopy}), none of them due before a lockout the source holds its number under ends. The copy is
     * neither locked nor done. The caller makes the running engine aware of the
     * copied do-not-call numbers.
     */
    public Campaign duplicate(long id, String newName, long nowMillis) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidFieldException("name", "must not be empty");
        }
        return db.write(c -> {
            Campaign source = get(c, id);
            Campaign copy = insert(c, source.with(0, newName, false, null), nowMillis);
            CampaignCopy.copy(c, source, copy.id(), nowMillis);
            return copy;
        });
    }

    /** Closes a campaign for good: it dials nothing and refuses edits afterwards. */
    public Campaign markDone(long id) {
        return db.write(c -> {
            get(c, id);
            Jdbc.update(c, "UPDATE campaigns SET done = 1, lock_owner = NULL, lock_since_millis = NULL WHERE id = ?", id);
            return load(c, id).orElseThrow();
        });
    }

    /**
     * Takes the lock that makes {@code owner} the one engine running the campaign; succeeds when it is free
     * or already held by the same owner (a restart after a crash).
     */
    public boolean lock(long id, String owner, long nowMillis) {
        return db.write(c -> {
            Campaign campaign = get(c, id);
            if (campaign.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            return Jdbc.update(c, """
                    UPDATE campaigns SET lock_owner = ?, lock_since_millis = ?
                    WHERE id = ? AND (lock_owner IS NULL OR lock_owner = ?)""", owner, nowMillis, id, owner) == 1;
        });
    }

    /** Releases the lock if {@code owner} holds it (a clean stop). */
    public void unlock(long id, String owner) {
        db.write(c -> Jdbc.update(c, "UPDATE campaigns SET lock_owner = NULL, lock_since_millis = NULL WHERE id = ? AND lock_owner = ?",
                id, owner));
    }

    /** Clears a lock whoever holds it: the operator's remedy for a stale lock left by an engine that is gone. */
    public Campaign clearLock(long id) {
        return db.write(c -> {
            get(c, id);
            Jdbc.update(c, "UPDATE campaigns SET lock_owner = NULL, lock_since_millis = NULL WHERE id = ?", id);
            return load(c, id).orElseThrow();
        });
    }

    /** The campaign, or not found naming {@code campaignId}. */
    public Campaign get(long id) {
        return db.read(c -> get(c, id));
    }

    /** Every campaign, newest last. */
    public List<Campaign> list() {
        return db.read(c -> {
            List<Long> ids = Jdbc.query(c, "SELECT id FROM campaigns ORDER BY id", rs -> rs.getLong(1));
            List<Campaign> all = new java.util.ArrayList<>();
            for (long id : ids) {
                all.add(load(c, id).orElseThrow());
            }
            return all;
        });
    }

    /** Campaigns locked by {@code owner}: what an engine runs after a restart. */
    public List<Campaign> lockedBy(String owner) {
        return list().stream().filter(k -> owner.equals(k.lockOwner())).toList();
    }

    /** Whether a user may work the campaign: a responsible user, or a member of a responsible group. */
    public boolean isResponsible(long campaignId, long userId) {
        return db.read(c -> Jdbc.number(c, """
                SELECT COUNT(*) FROM campaign_responsibles r
                WHERE r.campaign_id = ? AND (r.user_id = ? OR r.group_id IN
                  (SELECT group_id FROM group_members WHERE user_id = ?))""", campaignId, userId, userId) > 0);
    }

    /** The campaign inside a running transaction, or not found naming {@code campaignId}. */
    public static Campaign get(Connection c, long id) throws SQLException {
        return load(c, id).orElseThrow(() -> new NotFoundException("campaignId", id));
    }

    /** Adds a custom outcome (name, result group, and which base outcome it behaves as). */
    public CustomOutcome addOutcome(long campaignId, String name, String resultGroup, AgentOutcome behaviour) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "must not be empty");
        }
        if (resultGroup == null || resultGroup.isBlank()) {
            throw new InvalidFieldException("resultGroup", "must not be empty");
        }
        if (behaviour == null) {
            throw new InvalidFieldException("behaviour", "must be one of " + Arrays.toString(AgentOutcome.values()));
        }
        return db.write(c -> {
            Campaign campaign = get(c, campaignId);
            if (campaign.done()) {
                throw new ConflictException("done", "campaign is done and read-only");
            }
            if (Jdbc.number(c, "SELECT COUNT(*) FROM custom_outcomes WHERE campaign_id = ? AND name = ?", campaignId, name) > 0) {
                throw new ConflictException("name", "an outcome with this name exists");
            }
            long id = Jdbc.insert(c, "INSERT INTO custom_outcomes(campaign_id, name, result_group, behaviour) VALUES (?, ?, ?, ?) RETURNING id",
                    campaignId, name, resultGroup, behaviour);
            return new CustomOutcome(id, campaignId, name, resultGroup, behaviour);
        });
    }

    /** The campaign's custom outcomes. */
    public List<CustomOutcome> outcomes(long campaignId) {
        return db.read(c -> {
            get(c, campaignId);
            return Jdbc.query(c, "SELECT * FROM custom_outcomes WHERE campaign_id = ? ORDER BY id", CampaignRepository::outcome, campaignId);
        });
    }

    /** A custom outcome read from its row (recording an agent's outcome reads them in its own transaction). */
    public static CustomOutcome outcome(ResultSet rs) throws SQLException {
        return new CustomOutcome(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"),
                rs.getString("result_group"), AgentOutcome.valueOf(rs.getString("behaviour")));
    }

    /** A pool is one calling campaign for the regulator: every member is measured under the same regime. */
    private static void checkPool(Connection c, long id, Campaign campaign) throws SQLException {
        String pool = campaign.compliance().abandonPool();
        if (pool == null) {
            return;
        }
        Optional<String> other = Jdbc.one(c, "SELECT regime FROM campaigns WHERE abandon_pool = ? AND id <> ? AND regime <> ?",
                rs -> rs.getString(1), pool, id, campaign.compliance().regime().name());
        if (other.isPresent()) {
            throw new InvalidFieldException("abandonPool", "the campaigns of pool " + pool + " are under "
                    + other.get().toLowerCase(java.util.Locale.ROOT) + "; a pool is measured under one regime");
        }
    }

    /** The ids of the campaigns in abandonment pool {@code pool}, in id order. */
    public List<Long> poolMembers(String pool) {
        return db.read(c -> Jdbc.query(c, "SELECT id FROM campaigns WHERE abandon_pool = ? ORDER BY id",
                rs -> rs.getLong(1), pool));
    }

    private static void checkResponsibles(Connection c, Campaign campaign) throws SQLException {
        for (long user : campaign.responsibleUsers()) {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM users WHERE id = ?", user) == 0) {
                throw new InvalidFieldException("responsibleUsers", "no such user: " + user);
            }
        }
        for (long group : campaign.responsibleGroups()) {
            if (Jdbc.number(c, "SELECT COUNT(*) FROM user_groups WHERE id = ?", group) == 0) {
                throw new InvalidFieldException("responsibleGroups", "no such group: " + group);
            }
        }
    }

    private static void writeChildren(Connection c, long id, Campaign campaign) throws SQLException {
        for (HoursPeriod p : campaign.hours()) {
            Jdbc.update(c, "INSERT INTO campaign_hours(campaign_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)",
                    id, p.weekday(), p.startMinute(), p.endMinute());
        }
        for (Map.Entry<RetryClass, RetryRule> e : campaign.retryRules().entrySet()) {
            Jdbc.update(c, "INSERT INTO retry_rules(campaign_id, retry_class, delay_seconds, max_attempts) VALUES (?, ?, ?, ?)",
                    id, e.getKey(), e.getValue().delaySeconds(), e.getValue().maxAttempts());
        }
        for (long user : campaign.responsibleUsers()) {
            Jdbc.update(c, "INSERT INTO campaign_responsibles(campaign_id, user_id) VALUES (?, ?)", id, user);
        }
        for (long group : campaign.responsibleGroups()) {
            Jdbc.update(c, "INSERT INTO campaign_responsibles(campaign_id, group_id) VALUES (?, ?)", id, group);
        }
    }

    private static String holidays(Campaign campaign) {
        return String.join(",", campaign.compliance().holidays());
    }

    private static Optional<Campaign> load(Connection c, long id) throws SQLException {
        List<HoursPeriod> hours = Jdbc.query(c,
                "SELECT weekday, start_minute, end_minute FROM campaign_hours WHERE campaign_id = ? ORDER BY weekday, start_minute",
                rs -> new HoursPeriod(rs.getInt(1), rs.getInt(2), rs.getInt(3)), id);
        Map<RetryClass, RetryRule> rules = new EnumMap<>(RetryClass.class);
        for (Object[] row : Jdbc.query(c, "SELECT retry_class, delay_seconds, max_attempts FROM retry_rules WHERE campaign_id = ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3)}, id)) {
            rules.put(RetryClass.valueOf((String) row[0]), new RetryRule((Long) row[1], (Integer) row[2]));
        }
        List<Long> users = Jdbc.query(c, "SELECT user_id FROM campaign_responsibles WHERE campaign_id = ? AND user_id IS NOT NULL ORDER BY user_id",
                rs -> rs.getLong(1), id);
        List<Long> groups = Jdbc.query(c, "SELECT group_id FROM campaign_responsibles WHERE campaign_id = ? AND group_id IS NOT NULL ORDER BY group_id",
                rs -> rs.getLong(1), id);
        return Jdbc.one(c, "SELECT * FROM campaigns WHERE id = ?", rs -> {
            String numbers = rs.getString("display_numbers");
            return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                    CampaignStatus.valueOf(rs.getString("status")), rs.getInt("done") == 1, rs.getString("lock_owner"),
                    rs.getString("time_zone"), DialMode.valueOf(rs.getString("dial_mode")),
                    rs.getDouble("calls_per_ready_agent"), rs.getDouble("calls_per_wrap_agent"), rs.getDouble("abandon_target"),
                    rs.getLong("ring_timeout_millis"), rs.getLong("connect_limit_millis"), rs.getInt("max_channels"),
                    numbers.isEmpty() ? List.of() : List.of(numbers.split(",")), rs.getInt("max_attempts"),
                    rs.getInt("window_start_minute"), rs.getInt("window_end_minute"), rs.getString("subject_template"),
                    rs.getInt("clock24") == 1, rs.getString("default_region"), hours, rules, users, groups,
                    new Compliance(Regime.valueOf(rs.getString("regime")), rs.getString("abandon_message"),
                            rs.getLong("lockout_minutes"), rs.getInt("dial_unknown_zones") == 1,
                            rs.getString("holidays").isEmpty() ? List.of() : List.of(rs.getString("holidays").split(",")),
                            rs.getInt("require_consent") == 1, rs.getString("abandon_pool")));
        }, id);
    }
}
