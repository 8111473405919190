package io.pacer.api;

import io.pacer.api.service.CampaignDeletionService;
import io.pacer.store.user.Role;
import java.util.List;

/** Deleting an unused campaign; one with calls on record is archived with {@code POST .../done} instead. */
final class CampaignDeletionRoutes {

    private CampaignDeletionRoutes() {
    }

    static List<Route> routes(CampaignDeletionService deletion) {
        return List.of(
            new Route("DELETE", "/api/v1/campaigns/{campaignId}", Role.SUPERVISOR, r -> {
                deletion.delete(r.id("campaignId"));
                return ApiResponse.noContent();
            })
        );
    }
}
