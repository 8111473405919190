package io.pacer.api;

import io.pacer.api.service.CallbackService;
import io.pacer.store.callback.CallbackOrder;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.util.List;

/** A callback pushed onto a contact by a supervisor or an integration. */
final class CallbackOrderRoutes {

    private CallbackOrderRoutes() {
    }

    static List<Route> routes(CallbackService callbacks) {
        return List.of(
            new Route("POST", "/api/v1/campaigns/{campaignId}/contacts/{contactId}/callbacks", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("dueAt", "dueAtMillis", "alarmAt", "alarmAtMillis", "number", "ownerUserId",
                        "ownerGroupId", "note", "priority", "subject");
                long due = b.instant("dueAt", -1);
                if (due < 0) {
                    throw new InvalidFieldException("dueAt", "missing; when to call, such as 2030-01-31T09:30:00Z");
                }
                CallbackOrder order = new CallbackOrder(due, b.text("number", null), b.whole("ownerUserId", -1),
                        b.whole("ownerGroupId", -1), b.instant("alarmAt", -1), b.text("note", ""),
                        b.integer("priority", 0), b.text("subject", null));
                return ApiResponse.created(callbacks.schedule(r.user(), r.id("campaignId"), r.id("contactId"), order));
            })
        );
    }
}
