package io.pacer.api;

import io.pacer.api.service.AgentFloor;
import io.pacer.api.service.ConsoleSnapshots;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.List;

/**
 * The console's live feed: {@code GET /api/v1/console/stream}, one {@code event: console} per second with the
 * floor as the viewer's role may see it. Every viewer shares one snapshot per second ({@link ConsoleSnapshots}).
 * {@code GET /api/v1/console/history/{campaignId}}: the campaign's shift charts so far, as columns.
 * {@code GET /api/v1/agents}: every agent's row of the grid, read now.
 */
final class ConsoleStreamRoutes {

    private ConsoleStreamRoutes() {
    }

    static List<Route> routes(ConsoleSnapshots snapshots, AgentFloor agentFloor) {
        return List.of(new Route("GET", "/api/v1/console/stream", Role.AGENT, r -> {
            User viewer = r.user();
            List<Object> own = snapshots.campaignsFor(viewer);
            return ApiResponse.ok(new EventStreams.Stream("console", ConsoleSnapshots.PERIOD_MILLIS,
                    () -> snapshots.viewFor(viewer, own)));
        }), new Route("GET", "/api/v1/console/history/{campaignId}", Role.SUPERVISOR,
                r -> ApiResponse.ok(snapshots.history(r.id("campaignId")))),
            // The grid's rows read from the core now, not the last snapshot: a check of the console can compare them.
            new Route("GET", "/api/v1/agents", Role.SUPERVISOR,
                r -> ApiResponse.ok(agentFloor.now())));
    }
}
