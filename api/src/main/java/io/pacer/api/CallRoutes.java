package io.pacer.api;

import io.pacer.api.service.AgentService;
import io.pacer.api.service.CallService;
import io.pacer.engine.agent.AgentState;
import io.pacer.engine.port.AgentSessions;
import io.pacer.store.callback.CallbackEdit;
import io.pacer.store.callback.CallbackRequest;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.journal.Activity;
import io.pacer.store.journal.OutcomeRecorder.PreviewDecision;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;

/** The agent's side: calls and their outcomes, preview decisions, callbacks. Agents see only their own. */
final class CallRoutes {

    private CallRoutes() {
    }

    static List<Route> routes(CallService calls, AgentService agents) {
        List<Route> all = new java.util.ArrayList<>(departureRoutes(agents));
        all.addAll(List.of(
            new Route("GET", "/api/v1/calls", Role.AGENT, r -> {
                // Newest first; a cursor is the last id seen (a keyset: calls recorded meanwhile shift nothing).
                Paging.Page page = Paging.of(r, 100);
                List<Activity> found = calls.calls(r.user(), r.intParam("campaignId", 0, 0, Integer.MAX_VALUE),
                        IsoTimes.param(r, "updatedSince"), page.fromCursor() ? page.position() : -1, page.limit() + 1,
                        page.fromCursor() ? 0 : page.offset());
                boolean more = found.size() > page.limit();
                List<Activity> items = more ? found.subList(0, page.limit()) : found;
                return Paging.answer(r, items, more ? items.get(items.size() - 1).id() : -1, -1);
            }),
            new Route("POST", "/api/v1/calls/{callId}/outcome", Role.AGENT, r -> {
                long callId = r.id("callId");
                JsonBody b = r.json().only("outcome", "note", "callback");
                String outcome = b.text("outcome");
                CallbackRequest callback = callback(b.object("callback"));
                return ApiResponse.ok(calls.recordOutcome(r.user(), callId, outcome, b.text("note", ""), callback));
            }),
            new Route("POST", "/api/v1/campaigns/{campaignId}/contacts/{contactId}/preview", Role.AGENT, r -> {
                JsonBody b = r.json().only("decision", "dueAt", "dueAtMillis");
                return ApiResponse.ok(calls.answerPreview(r.user(), r.id("campaignId"), r.id("contactId"),
                        b.enumValue("decision", PreviewDecision.class, null), b.instant("dueAt", -1)));
            }),
            new Route("POST", "/api/v1/campaigns/{campaignId}/agents/me/login", Role.AGENT, r -> {
                long campaign = r.id("campaignId");
                boolean calling = agents.login(r.user(), campaign) == AgentSessions.Opening.CALLING;
                return new ApiResponse(calling ? 202 : 200, Map.of("agentId", r.user().id(), "campaignId", campaign,
                        "state", calling ? "CALLING_PHONE" : "LOGGED_IN"), null);
            }),
            new Route("POST", "/api/v1/agents/me/ready", Role.AGENT, r -> agentState(r, agents.ready(r.user()), "READY")),
            new Route("POST", "/api/v1/agents/me/pause", Role.AGENT,
                    r -> agentState(r, agents.pause(r.user(), reasonCode(r)), "PAUSED")),
            new Route("POST", "/api/v1/agents/me/logout", Role.AGENT, r -> agentState(r, agents.logout(r.user()), "LOGGED_OUT")),
            // After the agent's own routes: the first route that matches serves, so "me" never reads as an id.
            new Route("POST", "/api/v1/agents/{agentId}/pause", Role.SUPERVISOR, r -> agentState(r.id("agentId"),
                    agents.pauseAgent(r.id("agentId"), reasonCode(r)), "PAUSED")),
            new Route("GET", "/api/v1/callbacks", Role.AGENT, r -> Paging.slice(r, calls.callbacks(r.user(),
                    r.boolParam("own", false), r.boolParam("groups", false), r.boolParam("open", false),
                    r.intParam("campaignId", 0, 0, Integer.MAX_VALUE), IsoTimes.param(r, "updatedSince"),
                    r.param("q", null)))),
            new Route("PATCH", "/api/v1/callbacks/{callbackId}", Role.AGENT, r -> {
                JsonBody b = r.json().only("dueAt", "dueAtMillis", "priority", "subject", "note", "ownerUserId", "ownerGroupId");
                return ApiResponse.ok(calls.editCallback(r.user(), r.id("callbackId"), new CallbackEdit(b.instant("dueAt", -1),
                        b.has("priority") ? Integer.valueOf(b.integer("priority", 0)) : null, b.text("subject", null),
                        b.text("note", null), b.whole("ownerUserId", -1), b.whole("ownerGroupId", -1))));
            }),
            new Route("POST", "/api/v1/callbacks/{callbackId}/done", Role.AGENT,
                    r -> ApiResponse.ok(calls.markCallbackDone(r.user(), r.id("callbackId")))),
            new Route("GET", "/api/v1/callbacks/alarms", Role.AGENT, r -> Paging.slice(r, calls.dueAlarms(r.user()))),
            new Route("GET", "/api/v1/callbacks/alarms/stream", Role.AGENT, r -> {
                var user = r.user();
                return ApiResponse.ok(new EventStreams.Stream("alarms", r.intParam("periodMillis", 5_000, 100, 600_000),
                        () -> calls.dueAlarms(user)));
            })
        ));
        return all;
    }

    /** Notices of departure: the agent's own, then a supervisor's for an agent ("me" is matched first). */
    private static List<Route> departureRoutes(AgentService agents) {
        return List.of(
            new Route("POST", "/api/v1/agents/me/departure", Role.AGENT, r -> departure(r, agents, r.user())),
            new Route("DELETE", "/api/v1/agents/me/departure", Role.AGENT, r -> {
                agents.withdrawDeparture(r.user());
                return ApiResponse.noContent();
            }),
            new Route("POST", "/api/v1/agents/{agentId}/departure", Role.SUPERVISOR,
                    r -> departure(r, agents, agents.agent(r.id("agentId")))),
            new Route("DELETE", "/api/v1/agents/{agentId}/departure", Role.SUPERVISOR, r -> {
                agents.withdrawDeparture(agents.agent(r.id("agentId")));
                return ApiResponse.noContent();
            })
        );
    }

    /**
     * The state the core reached (200), or, when no core can tell, 202 with the state asked for: a reply never
     * claims a state the agent is not in.
     */
    private static ApiResponse agentState(ApiRequest r, AgentState reached, String requested) {
        return agentState(r.user().id(), reached, requested);
    }

    private static ApiResponse agentState(long agentId, AgentState reached, String requested) {
        if (reached == null) {
            return new ApiResponse(202, Map.of("agentId", agentId, "requested", requested), null);
        }
        return ApiResponse.ok(Map.of("agentId", agentId, "state", reached.name()));
    }

    /** A notice of departure: {@code leaveAt} (ISO-8601) or {@code leaveAtMillis}; the reply echoes the time taken. */
    private static ApiResponse departure(ApiRequest r, AgentService agents, io.pacer.store.user.User agent) {
        JsonBody b = r.json().only("leaveAt", "leaveAtMillis");
        long at = agents.departure(agent, b.instant("leaveAt", -1), System.currentTimeMillis());
        return ApiResponse.ok(Map.of("agentId", agent.id(), "leaveAt", java.time.Instant.ofEpochMilli(at).toString()));
    }

    /** A pause's reason code; the body is optional: a pause without one gives no reason. */
    private static int reasonCode(ApiRequest r) {
        return r.body() == null || r.body().length == 0 ? 0 : r.json().only("reasonCode").integer("reasonCode", 0);
    }

    /** The callback of a CALL_AGAIN outcome, or {@code null} when the body has none. */
    static CallbackRequest callback(JsonBody cb) {
        if (cb == null) {
            return null;
        }
        cb.only("dueAt", "dueAtMillis", "number", "personal", "ownerGroupId", "alarmAt", "alarmAtMillis", "priority",
                "subject", "note");
        long dueMillis = cb.instant("dueAt", -1);
        if (dueMillis < 0) {
            throw new InvalidFieldException("callback.dueAt", "missing");
        }
        long alarmMillis = cb.instant("alarmAt", -1);
        if (alarmMillis > dueMillis) {
            // A reminder after the callback is due reminds no one in time.
            throw new InvalidFieldException("callback.alarmAt", "must not be after callback.dueAt");
        }
        return new CallbackRequest(dueMillis, cb.text("number", null), cb.bool("personal", true),
                cb.whole("ownerGroupId", -1), alarmMillis, cb.integer("priority", 0), cb.text("subject", null),
                cb.text("note", null));
    }
}
