package io.pacer.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pacer.api.service.CampaignService;
import io.pacer.api.service.StatsService;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Live campaign state (snapshot and server-sent events), Prometheus metrics and the OpenAPI document. */
final class StatsRoutes {

    private StatsRoutes() {
    }

    static List<Route> routes(StatsService stats, CampaignService campaigns, PrometheusMeterRegistry registry) {
        String openApi = openApi();
        return List.of(
            new Route("GET", "/api/v1/campaigns/{campaignId}/stats", Role.SUPERVISOR,
                    r -> ApiResponse.ok(stats.snapshot(r.id("campaignId")))),
            new Route("GET", "/api/v1/campaigns/{campaignId}/stats/stream", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                campaigns.get(id);
                return ApiResponse.ok(new EventStreams.Stream("stats", r.intParam("periodMillis", 1000, 100, 60_000),
                        () -> stats.snapshot(id)));
            }),
            new Route("GET", "/api/v1/campaigns/{campaignId}/compliance", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                int days = r.intParam("days", 30, 1, 1100);
                String format = r.param("format", "json");
                return switch (format) {
                    case "json" -> ApiResponse.ok(stats.compliance(id, days));
                    case "csv" -> ApiResponse.text(stats.complianceCsv(id, days), "text/csv; charset=utf-8");
                    default -> throw new InvalidFieldException("format", "must be json or csv, was " + format);
                };
            }),
            new Route("GET", "/api/v1/trunks", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("trunks", stats.trunks()))),
            new Route("GET", "/api/v1/nodes", Role.SUPERVISOR, r -> ApiResponse.ok(stats.nodes())),
            new Route("GET", "/metrics", null, r -> ApiResponse.text(registry.scrape(), "text/plain; version=0.0.4; charset=utf-8")),
            new Route("GET", "/api/v1/openapi.json", null, r -> ApiResponse.text(openApi, "application/json"))
        );
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
