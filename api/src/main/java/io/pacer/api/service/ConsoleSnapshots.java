package io.pacer.api.service;

import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignSchedule;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's floor: one snapshot of every open campaign (the same figures as
 * {@code GET /api/v1/campaigns/{id}/stats}) and every agent (state and since when), built at most once per
 * {@link #PERIOD_MILLIS} however many viewers are watching, so ten supervisors cost the database what one does
 * (VICIdial's real-time report queried once per tab; {@code docs/console.md}). Each viewer gets the shared
 * snapshot, cut down to what its role may see. The agents' rows come from {@link AgentFloor}.
 */
public final class ConsoleSnapshots {

    /** How often a viewer gets a snapshot, and the oldest a snapshot may be when it is handed out. */
    public static final long PERIOD_MILLIS = 1_000;

    /** A snapshot younger than this is reused: viewers whose timers fire a little apart share one build. */
    private static final long REUSE_NANOS = (PERIOD_MILLIS - 100) * 1_000_000;

    private final Storage storage;
    private final EngineControl engine;
    private final StatsService stats;
    private final ShiftHistory history = new ShiftHistory();
    private final AgentFloor agentFloor;
    private Map<String, Object> floor;
    private long builtAtNanos;

    /** Snapshots over storage and the core. */
    public ConsoleSnapshots(Storage storage, EngineControl engine, StatsService stats, AgentFloor agentFloor) {
        this.storage = storage;
        this.agentFloor = agentFloor;
        this.engine = engine;
        this.stats = stats;
    }

    /**
     * What {@code viewer} is shown this second: supervisors and administrators the whole floor, an agent only
     * its own state and {@code ownCampaigns} (from {@link #campaignsFor}, read once when its stream opens).
     */
    public Map<String, Object> viewFor(User viewer, List<Object> ownCampaigns) {
        Map<String, Object> shared = floor();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user", Map.of("id", viewer.id(), "name", viewer.name(), "role", viewer.role().name()));
        view.put("atMillis", shared.get("atMillis"));
        if (viewer.role() == Role.AGENT) {
            view.put("me", agentOf(shared, viewer.id()));
            view.put("campaigns", ownCampaigns);
        } else {
            view.put("campaigns", shared.get("campaigns"));
            view.put("agents", shared.get("agents"));
        }
        return view;
    }

    /**
     * Samples the shift charts. The API server calls this every {@link ShiftHistory#SAMPLE_MILLIS}, so the charts
     * fill while nobody watches the floor.
     */
    public synchronized void refresh() {
        if (floor != null && System.nanoTime() - builtAtNanos < REUSE_NANOS) {
            return;   // somebody watches: the snapshot just built has recorded its sample
        }
        // Nobody watches: sample the core's figures alone, and leave the viewers' snapshot to be built when asked,
        // so the first viewer after a change sees it.
        long nowMillis = storage.clock().epochMillis();
        java.util.Set<Long> open = new java.util.HashSet<>();
        for (Campaign c : storage.campaigns().list()) {
            if (!c.done()) {
                open.add(c.id());
                history.record(nowMillis, c.id(), engine.stats((int) c.id()));
            }
        }
        history.retain(open);
    }

    /** A campaign's shift charts ({@link ShiftHistory#columns}). */
    public Map<String, Object> history(long campaignId) {
        storage.campaigns().get(campaignId);
        return history.columns(campaignId);
    }

    /** The shared snapshot, rebuilt when the last one is older than a period. */
    synchronized Map<String, Object> floor() {
        long now = System.nanoTime();
        if (floor == null || now - builtAtNanos >= REUSE_NANOS) {
            floor = build();
            builtAtNanos = now;
        }
        return floor;
    }

    private Map<String, Object> build() {
        long nowMillis = storage.clock().epochMillis();
        List<Object> campaigns = new ArrayList<>();
        java.util.Set<Long> open = new java.util.HashSet<>();
        for (Campaign c : storage.campaigns().list()) {
            if (!c.done()) {
                Map<String, Object> snapshot = new LinkedHashMap<>(stats.snapshot(c.id()));
                open.add(c.id());
                history.record(nowMillis, c.id(), (CampaignStats) snapshot.get("live"));
                snapshot.put("dialMode", c.dialMode());
                snapshot.put("callsPerReadyAgentSetting", c.callsPerReadyAgent());
                snapshot.put("callsPerWrapAgentSetting", c.callsPerWrapAgent());
                snapshot.put("abandonTarget", c.abandonTarget());
                // The hours gate as the hopper applies it: closed, nothing new is dialled however many agents wait.
                snapshot.put("hoursOpen", CampaignSchedule.openUntilMillis(c, nowMillis) > nowMillis);
                campaigns.add(snapshot);
            }
        }
        history.retain(open);
        List<Object> agents = agentFloor.rows(nowMillis);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("atMillis", nowMillis);
        out.put("campaigns", campaigns);
        out.put("agents", agents);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object agentOf(Map<String, Object> shared, long agentId) {
        for (Object a : (List<Object>) shared.get("agents")) {
            if (((Map<String, Object>) a).get("agentId").equals(agentId)) {
                return a;
            }
        }
        return null;
    }

    /** The open campaigns an agent is responsible for (may log in to), for its desktop; empty for others. */
    public List<Object> campaignsFor(User agent) {
        if (agent.role() != Role.AGENT) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Campaign c : storage.campaigns().list()) {
            if (!c.done() && storage.campaigns().isResponsible(c.id(), agent.id())) {
                out.add(Map.of("campaignId", c.id(), "name", c.name(), "dialMode", c.dialMode().name()));
            }
        }
        return out;
    }
}
