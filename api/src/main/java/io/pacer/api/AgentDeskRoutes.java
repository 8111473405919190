package io.pacer.api;

import io.pacer.api.service.AgentDeskService;
import io.pacer.api.service.CampaignAgentsService;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CallbackFallback;
import io.pacer.engine.campaign.InboundRules;
import io.pacer.store.campaign.CampaignInbound;
import io.pacer.store.user.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's desktop (its record, next, the answer to an offer, hang up, pause with a reason, save and next)
 * and a campaign's timers on its agents and its inbound calls (blending). Translation only; {@link AgentDeskService} holds the flow.
 */
final class AgentDeskRoutes {

    private AgentDeskRoutes() {
    }

    static List<Route> routes(AgentDeskService desk, CampaignAgentsService campaignAgents) {
        String me = "/api/v1/agents/me";
        return List.of(
            new Route("GET", me, Role.AGENT, r -> ApiResponse.ok(json(desk.desk(r.user())))),
            new Route("POST", me + "/next", Role.AGENT, r -> ApiResponse.ok(json(desk.next(r.user())))),
            new Route("POST", me + "/hangup", Role.AGENT, r -> ApiResponse.ok(json(desk.hangUp(r.user())))),
            new Route("POST", me + "/offer", Role.AGENT, r -> {
                JsonBody b = r.json().only("contactId", "decision", "dueAt", "dueAtMillis", "callerId");
                long contactId = b.whole("contactId", -1);
                if (contactId < 0) {
                    throw new io.pacer.store.error.InvalidFieldException("contactId", "missing");
                }
                return ApiResponse.ok(json(desk.answerOffer(r.user(), contactId,
                        b.enumValue("decision", AgentDeskService.OfferAnswer.class, null), b.instant("dueAt", -1),
                        b.text("callerId", null))));
            }),
            new Route("POST", me + "/save-and-next", Role.AGENT, r -> {
                JsonBody b = r.json().only("callId", "outcome", "note", "callback");
                long callId = CallIdJson.read(b, "callId");
                if (callId < 0) {
                    throw new io.pacer.store.error.InvalidFieldException("callId", "missing");
                }
                AgentDeskService.SavedAndNext saved = desk.saveAndNext(r.user(), callId, b.text("outcome"),
                        b.text("note", ""), CallRoutes.callback(b.object("callback")));
                return ApiResponse.ok(Map.of("activity", saved.activity(), "desk", json(saved.desk())));
            }),
            new Route("GET", "/api/v1/campaigns/{campaignId}/call-logging", Role.SUPERVISOR,
                    r -> ApiResponse.ok(Map.of("logUnanswered", campaignAgents.logsUnanswered(r.id("campaignId"))))),
            new Route("PUT", "/api/v1/campaigns/{campaignId}/call-logging", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("logUnanswered");
                if (!b.has("logUnanswered")) {
                    throw new io.pacer.store.error.InvalidFieldException("logUnanswered", "missing: true or false");
                }
                return ApiResponse.ok(Map.of("logUnanswered",
                        campaignAgents.setLogsUnanswered(r.id("campaignId"), b.bool("logUnanswered", true))));
            }),
            new Route("GET", "/api/v1/campaigns/{campaignId}/inbound", Role.SUPERVISOR,
                    r -> ApiResponse.ok(campaignAgents.inbound(r.id("campaignId")))),
            new Route("PUT", "/api/v1/campaigns/{campaignId}/inbound", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("enabled", "accessNumbers", "maxWaitMillis", "reservedAgents");
                return ApiResponse.ok(campaignAgents.setInbound(r.id("campaignId"), new CampaignInbound.Settings(
                        b.bool("enabled", false), b.has("accessNumbers") ? b.texts("accessNumbers") : List.of(),
                        b.whole("maxWaitMillis", InboundRules.DEFAULT_WAIT_MILLIS), b.integer("reservedAgents", 0))));
            }),
            new Route("GET", "/api/v1/campaigns/{campaignId}/agent-rules", Role.SUPERVISOR,
                    r -> ApiResponse.ok(campaignAgents.rules(r.id("campaignId")))),
            new Route("PUT", "/api/v1/campaigns/{campaignId}/agent-rules", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("previewTimeoutMillis", "maxMissedOffers", "wrapUpLimitMillis", "wrapUpOutcome",
                        "callbackGraceMillis", "callbackFallback");
                return ApiResponse.ok(campaignAgents.setRules(r.id("campaignId"), () -> new AgentRules(
                        b.whole("previewTimeoutMillis", 0), b.integer("maxMissedOffers", 0), b.whole("wrapUpLimitMillis", 0),
                        b.text("wrapUpOutcome", null), b.whole("callbackGraceMillis", AgentRules.DEFAULT_CALLBACK_GRACE_MILLIS),
                        b.enumValue("callbackFallback", CallbackFallback.class, CallbackFallback.ANY))));
            })
        );
    }

    /** The desk as the API writes it: the record's case under "case", as the contact's history has it. */
    private static Map<String, Object> json(AgentDeskService.Desk desk) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agent", desk.agent());
        AgentDeskService.Record record = desk.record();
        if (record == null) {
            out.put("record", null);
            return out;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("contact", record.contact());
        r.put("case", record.kase());
        r.put("activities", record.activities());
        r.put("callbacks", record.callbacks());
        out.put("record", r);
        return out;
    }
}
