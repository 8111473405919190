package io.pacer.api;

import io.pacer.store.contact.PhoneNumbers;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.contact.ContactQuery;
import io.pacer.store.contact.ContactState;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.util.List;
import java.util.Map;

/** A campaign's contacts one by one: add, edit, delete, filter and sort; and the do-not-call lists. */
final class ContactRoutes {

    private ContactRoutes() {
    }

    static List<Route> routes(Storage s) {
        String base = "/api/v1/campaigns/{campaignId}/contacts";
        return List.of(
            new Route("GET", base, Role.SUPERVISOR, r -> {
                ContactState state = r.param("state", null) == null ? null
                        : CampaignRoutes.enumParam(r.param("state", null), ContactState.class, "state");
                String fieldFilter = r.param("fieldName", null);
                if (fieldFilter != null && r.param("fieldValue", null) == null) {
                    throw new InvalidFieldException("fieldValue", "needed with fieldName");
                }
                ContactQuery q = new ContactQuery(state, r.intParam("minAttempts", -1, 0, 1000),
                        longParam(r, "dueBefore"), fieldFilter, r.param("fieldValue", null), r.param("sort", "id"),
                        "desc".equals(r.param("order", "asc")), r.intParam("limit", 100, 1, 1000),
                        r.intParam("offset", 0, 0, Integer.MAX_VALUE));
                if (!List.of("asc", "desc").contains(r.param("order", "asc"))) {
                    throw new InvalidFieldException("order", "must be asc or desc");
                }
                return ApiResponse.ok(s.contacts().list(r.id("campaignId"), q));
            }),
            new Route("POST", base, Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                JsonBody b = r.json().only("phone", "name", "fields", "timeZone");
                Campaign c = s.campaigns().get(id);
                PhoneNumbers.Normalised n = PhoneNumbers.normalise(b.text("phone"), c.defaultRegion(), c.timeZone());
                if (s.doNotCall().blocks(id, n.e164())) {
                    throw new ConflictException("phone", n.e164() + " is on the do-not-call list");
                }
                String zone = zone(b.text("timeZone", null), n.timeZone());
                return ApiResponse.created(s.contacts().add(id, n.e164(), b.text("name", ""), b.textMap("fields"), zone,
                        s.clock().epochMillis()));
            }),
            new Route("GET", base + "/{contactId}", Role.SUPERVISOR, r -> ApiResponse.ok(s.contacts().get(r.id("campaignId"), r.id("contactId")))),
            new Route("PATCH", base + "/{contactId}", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                JsonBody b = r.json().only("phone", "name", "fields", "timeZone", "nextDue", "nextDueMillis");
                Campaign c = s.campaigns().get(id);
                String e164 = null;
                String zone = zone(b.text("timeZone", null), null);
                if (b.has("phone")) {
                    PhoneNumbers.Normalised n = PhoneNumbers.normalise(b.text("phone"), c.defaultRegion(), c.timeZone());
                    e164 = n.e164();
                    zone = zone == null ? n.timeZone() : zone;
                }
                Long due = b.has("nextDue") || b.has("nextDueMillis") ? b.instant("nextDue", 0) : null;
                return ApiResponse.ok(s.contacts().edit(id, r.id("contactId"), e164, zone, b.text("name", null),
                        b.textMap("fields"), due));
            }),
            new Route("DELETE", base + "/{contactId}", Role.SUPERVISOR, r -> {
                s.contacts().delete(r.id("campaignId"), r.id("contactId"));
                return ApiResponse.noContent();
            }),
            new Route("GET", base + "/{contactId}/activities", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                long contact = r.id("contactId");
                s.contacts().get(id, contact);
                var kase = s.activities().caseOf(id, contact);
                return ApiResponse.ok(Map.of("case", kase == null ? Map.of() : kase,
                        "activities", s.activities().ofContact(id, contact)));
            }),
            new Route("GET", "/api/v1/dnc", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("numbers",
                    s.doNotCall().list(longParamOr(r, "campaignId", 0))))),
            new Route("POST", "/api/v1/dnc", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("campaignId", "phone", "region");
                long campaignId = b.whole("campaignId", 0);
                String region = "US";
                if (campaignId != 0) {
                    region = s.campaigns().get(campaignId).defaultRegion();
                }
                String e164 = PhoneNumbers.e164(b.text("phone"), b.text("region", region));
                s.doNotCall().add(campaignId, e164, s.clock().epochMillis());
                return ApiResponse.created(Map.of("campaignId", campaignId, "phone", e164));
            }),
            new Route("DELETE", "/api/v1/dnc/{phone}", Role.ADMIN, r -> {
                String phone = r.pathParams().get("phone");
                if (!s.doNotCall().remove(longParamOr(r, "campaignId", 0), phone)) {
                    throw new NotFoundException("phone", phone);
                }
                return ApiResponse.noContent();
            })
        );
    }

    private static String zone(String given, String fallback) {
        if (given == null) {
            return fallback;
        }
        try {
            return java.time.ZoneId.of(given).getId();
        } catch (java.time.DateTimeException e) {
            throw new InvalidFieldException("timeZone", "not a time zone id: " + given);
        }
    }

    private static long longParam(ApiRequest r, String name) {
        return longParamOr(r, name, -1);
    }

    private static long longParamOr(ApiRequest r, String name, long fallback) {
        String v = r.param(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
    }
}
