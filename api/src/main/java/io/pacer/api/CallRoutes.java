package io.pacer.api;

import io.pacer.engine.control.EngineControl;

import io.pacer.engine.core.PreviewAnswer;
import io.pacer.engine.port.AgentSessions;
import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackRequest;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotPermittedException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.journal.OutcomeRecorder.PreviewDecision;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import io.pacer.store.user.User;
import java.util.ArrayList;
import java.util.List;

/** The agent's side: calls and their outcomes, preview decisions, callbacks. Agents see only their own. */
final class CallRoutes {

    private static final long JOURNAL_WAIT_MILLIS = 2000;

    private CallRoutes() {
    }

    static List<Route> routes(Storage s, EngineControl engine) {
        return List.of(
            new Route("GET", "/api/v1/calls", Role.AGENT, r -> {
                long agent = r.user().role() == Role.AGENT ? r.user().id() : -1;
                long campaign = r.intParam("campaignId", 0, 0, Integer.MAX_VALUE);
                return ApiResponse.ok(s.activities().calls(campaign, agent, r.intParam("limit", 100, 1, 1000),
                        r.intParam("offset", 0, 0, Integer.MAX_VALUE)));
            }),
            new Route("POST", "/api/v1/calls/{callId}/outcome", Role.AGENT, r -> {
                long callId = r.id("callId");
                JsonBody b = r.json().only("outcome", "note", "callback");
                String outcome = b.text("outcome");
                JsonBody cb = b.object("callback");
                CallbackRequest callback = null;
                if (cb != null) {
                    cb.only("dueAt", "dueAtMillis", "number", "personal", "ownerGroupId", "alarmAt", "alarmAtMillis");
                    long due = cb.instant("dueAt", -1);
                    if (due < 0) {
                        throw new InvalidFieldException("callback.dueAt", "missing");
                    }
                    callback = new CallbackRequest(due, cb.text("number", null), cb.bool("personal", true),
                            cb.whole("ownerGroupId", -1), cb.instant("alarmAt", -1));
                }
                // The agent may be faster than the core and the journal: let the core handle the call's end (it
                // may still be in the ring), then let the call's record reach the database.
                engine.awaitEventsHandled(JOURNAL_WAIT_MILLIS);
                s.journal().flush(JOURNAL_WAIT_MILLIS);
                return ApiResponse.ok(s.outcomes().record(r.user(), callId, outcome, b.text("note", ""), callback,
                        s.clock().epochMillis()));
            }),
            new Route("POST", "/api/v1/campaigns/{campaignId}/contacts/{contactId}/preview", Role.AGENT, r -> {
                JsonBody b = r.json().only("decision", "dueAt", "dueAtMillis");
                PreviewDecision decision = b.enumValue("decision", PreviewDecision.class, null);
                long now = s.clock().epochMillis();
                var contact = s.outcomes().preview(r.user(), r.id("campaignId"), r.id("contactId"), decision,
                        b.instant("dueAt", -1), now);
                engine.previewAnswered((int) r.user().id(), contact.id(),
                        decision == PreviewDecision.DO_NOT_CALL ? PreviewAnswer.DO_NOT_CALL : PreviewAnswer.SKIP);
                return ApiResponse.ok(contact);
            }),
            new Route("POST", "/api/v1/campaigns/{campaignId}/agents/me/login", Role.AGENT, r -> {
                long campaign = r.id("campaignId");
                s.campaigns().get(campaign);
                // Only the campaign's responsibles (users, or members of its groups) get its calls.
                if (!s.campaigns().isResponsible(campaign, r.user().id())) {
                    throw new NotPermittedException("campaignId", "you are not responsible for campaign " + campaign);
                }
                AgentSessions.Opening opening = engine.agentLogin((int) r.user().id(), (int) campaign);
                if (!opening.accepted()) {
                    // Nothing reached the engine: an agent without a session would be bridged to silence.
                    throw new ConflictException("phone", opening.problem());
                }
                String state = opening == AgentSessions.Opening.CALLING ? "CALLING_PHONE" : "LOGGED_IN";
                return new ApiResponse(opening == AgentSessions.Opening.CALLING ? 202 : 200,
                        java.util.Map.of("agentId", r.user().id(), "campaignId", campaign, "state", state), null);
            }),
            new Route("POST", "/api/v1/agents/me/ready", Role.AGENT, r -> {
                engine.agentReady((int) r.user().id());
                return ApiResponse.ok(java.util.Map.of("agentId", r.user().id(), "state", "READY"));
            }),
            new Route("POST", "/api/v1/agents/me/pause", Role.AGENT, r -> {
                engine.agentPause((int) r.user().id());
                return ApiResponse.ok(java.util.Map.of("agentId", r.user().id(), "state", "PAUSED"));
            }),
            new Route("POST", "/api/v1/agents/me/logout", Role.AGENT, r -> {
                engine.agentLogout((int) r.user().id());
                return ApiResponse.ok(java.util.Map.of("agentId", r.user().id(), "state", "LOGGED_OUT"));
            }),
            new Route("GET", "/api/v1/callbacks", Role.AGENT, r -> ApiResponse.ok(s.callbacks().list(r.user(),
                    r.boolParam("own", false), r.boolParam("groups", false), r.boolParam("open", false),
                    r.intParam("campaignId", 0, 0, Integer.MAX_VALUE)))),
            new Route("POST", "/api/v1/callbacks/{callbackId}/done", Role.AGENT,
                    r -> ApiResponse.ok(s.callbacks().markDone(r.user(), r.id("callbackId")))),
            new Route("GET", "/api/v1/callbacks/alarms", Role.AGENT, r -> ApiResponse.ok(dueAlarms(s, r.user()))),
            new Route("GET", "/api/v1/callbacks/alarms/stream", Role.AGENT, r -> {
                var user = r.user();
                return ApiResponse.ok(new EventStreams.Stream("alarms", r.intParam("periodMillis", 5_000, 100, 600_000),
                        () -> dueAlarms(s, user)));
            })
        );
    }

    /**
     * The caller's reminders that are due: open callbacks owned by the caller or one of the caller's groups
     * whose alarm time has passed. They stay due until the callback is connected or marked done, so a desktop
     * that was closed at the alarm time still shows them.
     */
    static List<Callback> dueAlarms(Storage s, User user) {
        long now = s.clock().epochMillis();
        List<Callback> due = new ArrayList<>();
        for (Callback c : s.callbacks().list(user, true, true, true, 0)) {
            if (c.alarmMillis() >= 0 && c.alarmMillis() <= now) {
                due.add(c);
            }
        }
        return due;
    }
}
