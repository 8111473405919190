package io.pacer.api;

import io.pacer.engine.control.CampaignStatsSource;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pacer.engine.campaign.CampaignStats;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live campaign state (snapshot and server-sent events), Prometheus metrics and the OpenAPI document. */
final class StatsRoutes {

    private StatsRoutes() {
    }

    static List<Route> routes(Storage s, CampaignStatsSource live, PrometheusMeterRegistry registry) {
        String openApi = openApi();
        return List.of(
            new Route("GET", "/api/v1/campaigns/{campaignId}/stats", Role.SUPERVISOR,
                    r -> ApiResponse.ok(snapshot(s, live, r.id("campaignId")))),
            new Route("GET", "/api/v1/campaigns/{campaignId}/stats/stream", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                s.campaigns().get(id);
                return ApiResponse.ok(new EventStreams.Stream("stats", r.intParam("periodMillis", 1000, 100, 60_000),
                        () -> snapshot(s, live, id)));
            }),
            new Route("GET", "/metrics", null, r -> ApiResponse.text(registry.scrape(), "text/plain; version=0.0.4; charset=utf-8")),
            new Route("GET", "/api/v1/openapi.json", null, r -> ApiResponse.text(openApi, "application/json"))
        );
    }

    /** Storage's view of a campaign plus the core's live figures when it runs there. */
    static Map<String, Object> snapshot(Storage s, CampaignStatsSource live, long campaignId) {
        var campaign = s.campaigns().get(campaignId);
        long[] abandon = s.activities().abandonedAndAnswered(campaignId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("name", campaign.name());
        out.put("status", campaign.status());
        out.put("done", campaign.done());
        out.put("lockOwner", campaign.lockOwner());
        out.put("contactsByState", s.contacts().countByState(campaignId));
        out.put("hopperSize", s.hopper().size((int) campaignId));
        out.put("abandonedSoFar", abandon[0]);
        out.put("answeredSoFar", abandon[1]);
        out.put("abandonRateSoFar", abandon[1] == 0 ? 0.0 : (double) abandon[0] / abandon[1]);
        CampaignStats stats = live.stats((int) campaignId);
        out.put("live", stats);
        return out;
    }

    private static String openApi() {
        try (InputStream in = StatsRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the jar (docs/openapi.json)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
