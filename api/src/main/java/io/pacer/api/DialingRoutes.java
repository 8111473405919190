package io.pacer.api;

import io.pacer.api.service.DialingService;
import io.pacer.store.campaign.CallerIdMode;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.Treatment;
import io.pacer.store.campaign.TreatmentAction;
import io.pacer.store.contact.ContactList;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.NumberType;
import io.pacer.store.user.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists and numbers: a contact's numbers, a campaign's lists and dialable counts, its treatments and caller-ID choice. */
final class DialingRoutes {

    private DialingRoutes() {
    }

    static List<Route> routes(DialingService dialing) {
        String campaign = "/api/v1/campaigns/{campaignId}";
        String numbers = campaign + "/contacts/{contactId}/numbers";
        return List.of(
            new Route("GET", numbers, Role.SUPERVISOR, r -> ApiResponse.ok(numbersJson(dialing.numbers(r.id("campaignId"), r.id("contactId"))))),
            new Route("PUT", numbers, Role.SUPERVISOR, r -> ApiResponse.ok(numbersJson(dialing.replaceNumbers(r.id("campaignId"),
                    r.id("contactId"), numbers(r.json().only("numbers")))))),
            new Route("GET", campaign + "/dialing", Role.SUPERVISOR, r -> ApiResponse.ok(rulesJson(dialing.rules(r.id("campaignId"))))),
            new Route("PUT", campaign + "/dialing", Role.SUPERVISOR,
                    r -> ApiResponse.ok(rulesJson(dialing.putRules(r.id("campaignId"), rules(r.json().only("callerIdMode", "treatments")))))),
            new Route("GET", campaign + "/lists", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("lists",
                    dialing.lists(r.id("campaignId")).stream().map(DialingRoutes::listJson).toList()))),
            new Route("POST", campaign + "/lists", Role.SUPERVISOR, r -> {
                ContactList saved = dialing.saveList(list(r, 0));
                return ApiResponse.created(listJson(saved), r.path() + "/" + saved.id());
            }),
            new Route("PUT", campaign + "/lists/{listId}", Role.SUPERVISOR,
                    r -> ApiResponse.ok(listJson(dialing.saveList(list(r, r.id("listId")))))),
            new Route("DELETE", campaign + "/lists/{listId}", Role.SUPERVISOR, r -> {
                dialing.deleteList(r.id("campaignId"), r.id("listId"));
                return ApiResponse.noContent();
            }),
            new Route("POST", campaign + "/lists/{listId}/contacts", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("moved",
                    dialing.assign(r.id("campaignId"), r.id("listId"), r.json().only("contactIds").wholes("contactIds"))))),
            new Route("GET", campaign + "/dialable", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("lists",
                    dialing.dialable(r.id("campaignId")))))
        );
    }

    private static List<ContactNumber> numbers(JsonBody body) {
        List<ContactNumber> out = new ArrayList<>();
        for (JsonBody n : body.objects("numbers")) {
            n.only("number", "type", "timeZone", "windowStartMinute", "windowEndMinute");
            out.add(new ContactNumber(out.size(), n.text("number"), n.enumValue("type", NumberType.class, NumberType.OTHER),
                    n.text("timeZone", null), n.integer("windowStartMinute", -1), n.integer("windowEndMinute", -1), 0, null));
        }
        return out;
    }

    private static Map<String, Object> numbersJson(DialingService.Numbers numbers) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < numbers.numbers().size(); i++) {
            ContactNumber n = numbers.numbers().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", n.position());
            m.put("number", n.number());
            m.put("type", n.type());
            m.put("timeZone", n.timeZone());
            m.put("windowStartMinute", n.hasOwnWindow() ? n.windowStartMinute() : null);
            m.put("windowEndMinute", n.hasOwnWindow() ? n.windowEndMinute() : null);
            m.put("attempts", n.attempts());
            m.put("lastOutcome", n.lastOutcome());
            m.put("callerId", numbers.callerIds().get(i));
            items.add(m);
        }
        return Map.of("numbers", items, "displayNumbers", numbers.displayNumbers());
    }

    private static DialingRules rules(JsonBody body) {
        Map<RetryClass, List<Treatment>> treatments = new EnumMap<>(RetryClass.class);
        JsonBody t = body.object("treatments");
        if (t != null) {
            t.only("BUSY", "NO_ANSWER", "FAILURE", "NOT_REACHABLE");
            for (RetryClass retryClass : RetryClass.values()) {
                List<Treatment> steps = new ArrayList<>();
                for (JsonBody step : t.objects(retryClass.name())) {
                    step.only("action", "delaySeconds", "atMinute");
                    TreatmentAction action = step.enumValue("action", TreatmentAction.class, null);
                    if (action == null) {
                        step.text("action");
                    }
                    steps.add(new Treatment(action, step.whole("delaySeconds", 0), step.integer("atMinute", -1)));
                }
                treatments.put(retryClass, steps);
            }
        }
        return new DialingRules(body.enumValue("callerIdMode", CallerIdMode.class, CallerIdMode.FIRST), treatments);
    }

    private static Map<String, Object> rulesJson(DialingRules rules) {
        Map<String, Object> treatments = new LinkedHashMap<>();
        Map<RetryClass, List<Treatment>> ordered = new EnumMap<>(RetryClass.class);
        ordered.putAll(rules.treatments());
        for (Map.Entry<RetryClass, List<Treatment>> e : ordered.entrySet()) {
            treatments.put(e.getKey().name(), e.getValue().stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("action", s.action());
                if (s.action() == TreatmentAction.NEXT_DAY) {
                    m.put("atMinute", s.atMinute());
                } else {
                    m.put("delaySeconds", s.delaySeconds());
                }
                return m;
            }).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("callerIdMode", rules.callerIdMode());
        out.put("treatments", treatments);
        return out;
    }

    private static ContactList list(ApiRequest r, long listId) {
        JsonBody b = r.json().only("name", "weight", "active", "maxAttempts");
        return new ContactList(listId, r.id("campaignId"), b.text("name"), b.integer("weight", 1), b.bool("active", true),
                b.integer("maxAttempts", -1));
    }

    private static Map<String, Object> listJson(ContactList l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("campaignId", l.campaignId());
        m.put("name", l.name());
        m.put("weight", l.weight());
        m.put("active", l.active());
        m.put("maxAttempts", l.maxAttempts() < 0 ? null : l.maxAttempts());
        return m;
    }
}
