package io.pacer.api.service;

import io.pacer.engine.agent.AgentFigures;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.LogoutReason;
import io.pacer.engine.control.EngineControl;
import io.pacer.store.Storage;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every agent as the floor shows it ({@code GET /api/v1/agents} and the console's grid): state and since when,
 * campaign, pause reason, today's calls with the talk and wrap-up averages, and the last logout's reason, with
 * {@code phoneDead} while an agent whose phone died has not logged back in. The core keeps the figures (it owns the
 * agents' live state, and counts them as they happen); this asks it once for all agents, never once per agent,
 * so a snapshot per second costs one round trip to the core and one read of the users.
 */
public final class AgentFloor {

    private final Storage storage;
    private final EngineControl engine;
    /** Per agent, the state last seen and when it was first seen in it. */
    private final Map<Long, Since> since = new HashMap<>();

    private record Since(AgentState state, long sinceMillis) {
    }

    /** The floor's agents over storage's users and the core's figures. */
    public AgentFloor(Storage storage, EngineControl engine) {
        this.storage = storage;
        this.engine = engine;
    }

    /** The rows read now: {@code atMillis} and {@code agents}. */
    public Map<String, Object> now() {
        long nowMillis = storage.clock().epochMillis();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("atMillis", nowMillis);
        out.put("agents", rows(nowMillis));
        return out;
    }

    /** Every enabled agent's row, in the users' order, as of {@code nowMillis}. */
    public synchronized List<Object> rows(long nowMillis) {
        List<User> agentUsers = new ArrayList<>();
        for (User u : storage.users().list()) {
            if (u.role() == Role.AGENT && !u.disabled()) {
                agentUsers.add(u);
            }
        }
        int[] ids = new int[agentUsers.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) agentUsers.get(i).id();
        }
        // One question to the core for the whole floor, not one per agent.
        AgentFigures[] figures = engine.agentFigures(ids);
        List<Object> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            rows.add(row(agentUsers.get(i), figures[i], nowMillis));
        }
        return rows;
    }

    private Map<String, Object> row(User u, AgentFigures f, long nowMillis) {
        AgentState state = f == null ? null : f.state();
        Since seen = since.get(u.id());
        if (seen == null || seen.state() != state) {
            // The core keeps no wall-clock entry time per state; the floor's is the first snapshot that saw it.
            seen = new Since(state, nowMillis);
            since.put(u.id(), seen);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("agentId", u.id());
        a.put("name", u.name());
        a.put("state", state == null ? "UNKNOWN" : state.name());
        a.put("sinceMillis", seen.sinceMillis());
        a.put("campaignId", f == null ? 0 : f.campaignId());
        a.put("pauseReason", f == null || state != AgentState.PAUSED ? 0 : f.pauseReason());
        a.put("callsToday", f == null ? 0 : f.callsToday());
        a.put("talkAverageMillis", f == null || f.talkAverageMillis() < 0 ? null : f.talkAverageMillis());
        a.put("wrapUpAverageMillis", f == null || f.wrapAverageMillis() < 0 ? null : f.wrapAverageMillis());
        boolean loggedOut = f != null && f.lastLogoutReason() != LogoutReason.NONE;
        a.put("lastLogout", loggedOut ? Map.of("reason", f.lastLogoutReason().name(), "atMillis", f.lastLogoutAtMillis()) : null);
        a.put("phoneDead", f != null && f.phoneDead());
        return a;
    }
}
