package io.pacer.api;

import io.pacer.api.service.LookupService;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;

/** Look-ups for integrations: contacts by phone or external id, and whether a number is blocked. */
final class LookupRoutes {

    private LookupRoutes() {
    }

    static List<Route> routes(LookupService lookups) {
        return List.of(
            new Route("GET", "/api/v1/contacts/lookup", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("contacts",
                    lookups.contacts(r.param("phone", null), r.param("externalId", null), campaignId(r))))),
            new Route("GET", "/api/v1/dnc/{phone}", Role.SUPERVISOR,
                    r -> ApiResponse.ok(lookups.blocked(r.pathParams().get("phone"), campaignId(r))))
        );
    }

    /** The optional campaign a look-up is narrowed to, 0 for none. */
    private static long campaignId(ApiRequest r) {
        String value = r.param("campaignId", null);
        if (value == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new InvalidFieldException("campaignId", "must be a campaign's id (1 or more)");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("campaignId", "must be a whole number");
        }
    }
}
