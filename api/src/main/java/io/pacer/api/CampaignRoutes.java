package io.pacer.api;

import io.pacer.api.service.CampaignService;
import io.pacer.api.service.ImportService;
import io.pacer.store.campaign.AgentOutcome;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Campaigns: create, read, edit, duplicate, start, stop, lock, done, custom outcomes, imports. */
final class CampaignRoutes {

    private CampaignRoutes() {
    }

    static List<Route> routes(CampaignService campaigns, ImportService imports) {
        String base = "/api/v1/campaigns";
        return List.of(
            new Route("POST", base, Role.SUPERVISOR,
                    r -> ApiResponse.created(campaigns.create(CampaignJson.read(r.json(), CampaignJson.defaults())))),
            new Route("GET", base, Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.list())),
            new Route("GET", base + "/{campaignId}", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.get(r.id("campaignId")))),
            new Route("PATCH", base + "/{campaignId}", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                return ApiResponse.ok(campaigns.update(id, CampaignJson.read(r.json(), campaigns.get(id))));
            }),
            new Route("POST", base + "/{campaignId}/duplicate", Role.SUPERVISOR, r -> ApiResponse.created(
                    campaigns.duplicate(r.id("campaignId"), r.json().only("name").text("name")))),
            new Route("POST", base + "/{campaignId}/done", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.markDone(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/start", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.start(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/stop", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.stop(r.id("campaignId")))),
            new Route("DELETE", base + "/{campaignId}/lock", Role.ADMIN, r -> ApiResponse.ok(campaigns.clearLock(r.id("campaignId")))),
            new Route("GET", base + "/{campaignId}/outcomes", Role.AGENT, r -> ApiResponse.ok(campaigns.outcomes(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/outcomes", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("name", "resultGroup", "behaviour");
                return ApiResponse.created(campaigns.addOutcome(r.id("campaignId"), outcomeName(b.text("name")), b.text("resultGroup"),
                        b.enumValue("behaviour", AgentOutcome.class, null)));
            }),
            new Route("POST", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                ImportMode mode = enumParam(r.param("mode", null), ImportMode.class, "mode");
                ColumnMapping mapping = new ColumnMapping(r.params("phone"), r.param("name", null), r.params("field"),
                        r.param("timeZone", null));
                InputStreamReader body = new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8);
                boolean dryRun = r.boolParam("dryRun", false);
                var report = imports.importCsv(id, r.param("file", null), body, separator(r.param("separator", ",")), mapping,
                        mode, r.user().name(), dryRun);
                return dryRun ? ApiResponse.ok(report) : ApiResponse.created(report);
            }),
            new Route("GET", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> ApiResponse.ok(imports.history(r.id("campaignId")))),
            new Route("GET", "/api/v1/imports/{importId}/errors", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("errors",
                    imports.errors(r.id("importId"), r.intParam("limit", 1000, 1, 100_000), r.intParam("offset", 0, 0, Integer.MAX_VALUE)))))
        );
    }

    /**
     * A custom outcome's name, unless it is a built-in outcome's: an agent recording "DONE" must get the
     * built-in behaviour, not whatever a custom outcome of that name would do (do-not-call, say).
     */
    static String outcomeName(String name) {
        for (AgentOutcome builtIn : AgentOutcome.values()) {
            if (builtIn.name().equalsIgnoreCase(name.trim())) {
                throw new InvalidFieldException("name", "is the built-in outcome " + builtIn + "; choose another name");
            }
        }
        return name;
    }

    /** The CSV separator: one character that cannot also end a line or quote a value. */
    static String separator(String value) {
        if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
            throw new InvalidFieldException("separator", "must be one character other than a quote or a line break");
        }
        return value;
    }

    /** A required enum query parameter. */
    static <E extends Enum<E>> E enumParam(String value, Class<E> type, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "missing; one of " + List.of(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
