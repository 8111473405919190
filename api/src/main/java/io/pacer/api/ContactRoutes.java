package io.pacer.api;

import io.pacer.api.service.ContactService;
import io.pacer.store.contact.ContactQuery;
import io.pacer.store.contact.ContactState;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;

/** A campaign's contacts one by one: add, edit, delete, filter and sort; and the do-not-call lists. */
final class ContactRoutes {

    private ContactRoutes() {
    }

    static List<Route> routes(ContactService contacts) {
        String base = "/api/v1/campaigns/{campaignId}/contacts";
        return List.of(
            new Route("GET", base, Role.SUPERVISOR, r -> list(contacts, r)),
            new Route("POST", base, Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("phone", "name", "fields", "timeZone");
                return ApiResponse.created(contacts.add(r.id("campaignId"), b.text("phone", null), b.text("name", ""),
                        b.textMap("fields"), b.text("timeZone", null)));
            }),
            new Route("GET", base + "/{contactId}", Role.SUPERVISOR, r -> ApiResponse.ok(contacts.get(r.id("campaignId"), r.id("contactId")))),
            new Route("PATCH", base + "/{contactId}", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("phone", "name", "fields", "timeZone", "nextDue", "nextDueMillis");
                Long due = b.has("nextDue") || b.has("nextDueMillis") ? b.instant("nextDue", 0) : null;
                return ApiResponse.ok(contacts.edit(r.id("campaignId"), r.id("contactId"), b.has("phone") ? b.text("phone") : null,
                        b.text("timeZone", null), b.text("name", null), b.textMap("fields"), due));
            }),
            new Route("DELETE", base + "/{contactId}", Role.SUPERVISOR, r -> {
                contacts.delete(r.id("campaignId"), r.id("contactId"));
                return ApiResponse.noContent();
            }),
            new Route("POST", base + "/{contactId}/release", Role.SUPERVISOR,
                    r -> ApiResponse.ok(contacts.release(r.id("campaignId"), r.id("contactId")))),
            new Route("GET", base + "/{contactId}/activities", Role.SUPERVISOR, r -> {
                ContactService.History history = contacts.history(r.id("campaignId"), r.id("contactId"));
                return Paging.slice(r, history.activities(), Paging.MAX_LIMIT, page -> Map.of("case",
                        history.kase() == null ? Map.of() : history.kase(), "activities", page));
            }),
            new Route("GET", "/api/v1/dnc", Role.SUPERVISOR, r -> Paging.slice(r,
                    contacts.doNotCallNumbers(longParamOr(r, "campaignId", 0)), Paging.MAX_LIMIT, page -> Map.of("numbers", page))),
            new Route("POST", "/api/v1/dnc", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("campaignId", "phone", "region");
                long campaignId = b.whole("campaignId", 0);
                String e164 = contacts.addDoNotCall(campaignId, b.text("phone", null), b.text("region", null));
                return ApiResponse.created(Map.of("campaignId", campaignId, "phone", e164),
                        "/api/v1/dnc/" + java.net.URLEncoder.encode(e164, java.nio.charset.StandardCharsets.UTF_8) + "?campaignId=" + campaignId);
            }),
            new Route("DELETE", "/api/v1/dnc/{phone}", Role.ADMIN, r -> {
                contacts.removeDoNotCall(longParamOr(r, "campaignId", 0), r.pathParams().get("phone"));
                return ApiResponse.noContent();
            })
        );
    }

    /** A page of a campaign's contacts, filtered and sorted. */
    private static ApiResponse list(ContactService contacts, ApiRequest r) {
        ContactState state = r.param("state", null) == null ? null
                : CampaignRoutes.enumParam(r.param("state", null), ContactState.class, "state");
        String fieldFilter = r.param("fieldName", null);
        if (fieldFilter != null && r.param("fieldValue", null) == null) {
            throw new InvalidFieldException("fieldValue", "needed with fieldName");
        }
        if (!List.of("asc", "desc").contains(r.param("order", "asc"))) {
            throw new InvalidFieldException("order", "must be asc or desc");
        }
        Paging.Page page = Paging.of(r, 100);
        // In order by id a cursor is a keyset (the last id seen); in other orders, an offset.
        boolean keyset = r.param("sort", "id").equals("id") && page.fromCursor();
        ContactQuery q = new ContactQuery(state, r.intParam("minAttempts", -1, 0, 1000),
                IsoTimes.param(r, "dueBefore"), fieldFilter, r.param("fieldValue", null), r.param("sort", "id"),
                "desc".equals(r.param("order", "asc")), page.limit(), keyset ? 0 : page.offset(),
                IsoTimes.param(r, "updatedSince"), keyset ? page.position() : -1);
        ContactQuery.Page found = contacts.list(r.id("campaignId"), q);
        long next = !found.more() ? -1 : r.param("sort", "id").equals("id")
                ? found.items().get(found.items().size() - 1).id() : page.offset() + page.limit();
        return Paging.answer(r, found.items(), next, found.total());
    }

    private static long longParamOr(ApiRequest r, String name, long fallback) {
        String v = r.param(name, null);
        if (v == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
        if (value < 0) {
            // Ids and counts are never negative; -1 would index storage's per-campaign tables.
            throw new InvalidFieldException(name, "must not be negative");
        }
        return value;
    }
}
