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
            new Route("GET", base, Role.SUPERVISOR, r -> Paging.slice(r, campaigns.list())),
            new Route("GET", base + "/{campaignId}", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.get(r.id("campaignId")))),
            new Route("PATCH", base + "/{campaignId}", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                return ApiResponse.ok(campaigns.update(id, CampaignJson.read(r.json(), campaigns.get(id))));
            }),
            new Route("POST", base + "/{campaignId}/duplicate", Role.SUPERVISOR, r -> {
                var copy = campaigns.duplicate(r.id("campaignId"), r.json().only("name").text("name"));
                return ApiResponse.created(copy, base + "/" + copy.id());
            }),
            new Route("POST", base + "/{campaignId}/done", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.markDone(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/start", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.start(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/stop", Role.SUPERVISOR, r -> ApiResponse.ok(campaigns.stop(r.id("campaignId")))),
            new Route("DELETE", base + "/{campaignId}/lock", Role.ADMIN, r -> ApiResponse.ok(campaigns.clearLock(r.id("campaignId")))),
            new Route("GET", base + "/{campaignId}/outcomes", Role.AGENT, r -> Paging.slice(r, campaigns.outcomes(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/outcomes", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("name", "resultGroup", "behaviour");
                // Custom outcomes are read as the campaign's list; there is no URL of one alone.
                return ApiResponse.created(campaigns.addOutcome(r.id("campaignId"), outcomeName(b.text("name")), b.text("resultGroup"),
                        b.enumValue("behaviour", AgentOutcome.class, null)), r.path());
            }),
            new Route("POST", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                ImportMode mode = enumParam(r.param("mode", null), ImportMode.class, "mode");
                ColumnMapping mapping = new ColumnMapping(r.params("phone"), r.param("name", null), r.params("field"),
                        r.param("timeZone", null), r.params("number").stream().map(ColumnMapping.NumberColumn::parse).toList(),
                        r.intParam("list", -1, 1, Integer.MAX_VALUE));
                InputStreamReader body = new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8);
                boolean dryRun = r.boolParam("dryRun", false);
                var report = imports.importCsv(id, r.param("file", null), body, separator(r.param("separator", ",")), mapping,
                        mode, r.user().name(), dryRun);
                // An import is read through its rejected rows (the report itself is in the campaign's history).
                return dryRun ? ApiResponse.ok(report) : ApiResponse.created(report, "/api/v1/imports/" + report.id() + "/errors");
            }),
            new Route("GET", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> Paging.slice(r, imports.history(r.id("campaignId")))),
            new Route("GET", "/api/v1/imports/{importId}/errors", Role.SUPERVISOR, r -> {
                Paging.Page page = Paging.of(r, 1000, 100_000);
                var found = imports.errors(r.id("importId"), page.limit() + 1, page.offset());
                boolean more = found.size() > page.limit();
                return Paging.answer(r, Map.of("errors", more ? found.subList(0, page.limit()) : found),
                        more ? page.offset() + page.limit() : -1, -1);
            })
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
