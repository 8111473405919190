package io.pacer.api;

import io.pacer.api.service.WhatIfService;
import io.pacer.store.user.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/campaigns/{campaignId}/what-if}: the campaign's next hours simulated from what it measured,
 * under its current settings and under proposed ones ({@link WhatIfService}); changes nothing.
 */
final class WhatIfRoutes {

    private static final List<String> NUMBERS = List.of("callsPerReadyAgent", "callsPerWrapAgent", "abandonTarget");

    private WhatIfRoutes() {
    }

    static List<Route> routes(WhatIfService whatIf) {
        return List.of(new Route("POST", "/api/v1/campaigns/{campaignId}/what-if", Role.SUPERVISOR, r -> {
            JsonBody body = JsonBody.parse(r.body()).only("hours", "proposed");
            Map<String, Object> proposed = new HashMap<>();
            JsonBody p = body.object("proposed");
            if (p != null) {
                p.only("dialMode", "callsPerReadyAgent", "callsPerWrapAgent", "abandonTarget");
                if (p.has("dialMode")) {
                    proposed.put("dialMode", p.text("dialMode"));
                }
                for (String name : NUMBERS) {
                    if (p.has(name)) {
                        proposed.put(name, p.number(name, 0));
                    }
                }
            }
            return ApiResponse.ok(whatIf.predict(r.id("campaignId"), body.number("hours", 2), proposed));
        }));
    }
}
