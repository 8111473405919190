package io.pacer.api;

import io.pacer.engine.control.EngineControl;

import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Campaigns: create, read, edit, duplicate, start, stop, lock, done, custom outcomes, imports. */
final class CampaignRoutes {

    private CampaignRoutes() {
    }

    static List<Route> routes(Storage s, EngineControl engine, java.nio.file.Path importDir) {
        String base = "/api/v1/campaigns";
        return List.of(
            new Route("POST", base, Role.SUPERVISOR, r -> {
                Campaign c = s.campaigns().create(CampaignJson.read(r.json(), CampaignJson.defaults()), s.clock().epochMillis());
                return ApiResponse.created(c);
            }),
            new Route("GET", base, Role.SUPERVISOR, r -> ApiResponse.ok(s.campaigns().list())),
            new Route("GET", base + "/{campaignId}", Role.SUPERVISOR, r -> ApiResponse.ok(s.campaigns().get(r.id("campaignId")))),
            new Route("PATCH", base + "/{campaignId}", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                Campaign updated = s.campaigns().update(id, CampaignJson.read(r.json(), s.campaigns().get(id)));
                if (s.engineId().equals(updated.lockOwner())) {
                    engine.configure(updated.toEngineConfig());
                }
                return ApiResponse.ok(updated);
            }),
            new Route("POST", base + "/{campaignId}/duplicate", Role.SUPERVISOR, r -> ApiResponse.created(
                    s.campaigns().duplicate(r.id("campaignId"), r.json().only("name").text("name"), s.clock().epochMillis()))),
            new Route("POST", base + "/{campaignId}/done", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                engine.setRunning((int) id, false);
                s.refill().stop((int) id);
                return ApiResponse.ok(s.campaigns().markDone(id));
            }),
            new Route("POST", base + "/{campaignId}/start", Role.SUPERVISOR, r -> {
                Campaign c = s.startCampaign(r.id("campaignId"));
                engine.configure(c.toEngineConfig());
                engine.setRunning((int) c.id(), true);
                return ApiResponse.ok(c);
            }),
            new Route("POST", base + "/{campaignId}/stop", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                s.campaigns().get(id);
                engine.setRunning((int) id, false);
                return ApiResponse.ok(s.stopCampaign(id));
            }),
            new Route("DELETE", base + "/{campaignId}/lock", Role.ADMIN, r -> ApiResponse.ok(s.campaigns().clearLock(r.id("campaignId")))),
            new Route("GET", base + "/{campaignId}/outcomes", Role.AGENT, r -> ApiResponse.ok(s.campaigns().outcomes(r.id("campaignId")))),
            new Route("POST", base + "/{campaignId}/outcomes", Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("name", "resultGroup", "behaviour");
                return ApiResponse.created(s.campaigns().addOutcome(r.id("campaignId"), b.text("name"), b.text("resultGroup"),
                        b.enumValue("behaviour", io.pacer.store.campaign.AgentOutcome.class, null)));
            }),
            new Route("POST", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                ImportMode mode = enumParam(r.param("mode", null), ImportMode.class, "mode");
                ColumnMapping mapping = new ColumnMapping(r.params("phone"), r.param("name", null), r.params("field"),
                        r.param("timeZone", null));
                String separator = r.param("separator", ",");
                if (separator.length() != 1) {
                    throw new InvalidFieldException("separator", "must be one character");
                }
                String file = r.param("file", null);
                try (java.io.Reader reader = file == null
                        ? new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8)
                        : java.nio.file.Files.newBufferedReader(importFile(importDir, file), StandardCharsets.UTF_8)) {
                    return ApiResponse.created(s.importer().importCsv(id, reader, separator.charAt(0), mapping, mode,
                            r.user().name(), s.clock().epochMillis()));
                }
            }),
            new Route("GET", base + "/{campaignId}/imports", Role.SUPERVISOR, r -> ApiResponse.ok(s.importer().history(r.id("campaignId")))),
            new Route("GET", "/api/v1/imports/{importId}/errors", Role.SUPERVISOR, r -> ApiResponse.ok(Map.of("errors",
                    s.importer().errors(r.id("importId"), r.intParam("limit", 1000, 1, 100_000), r.intParam("offset", 0, 0, Integer.MAX_VALUE)))))
        );
    }

    /** A file in the import directory, by plain name: no paths, so a request cannot read elsewhere. */
    private static java.nio.file.Path importFile(java.nio.file.Path importDir, String name) {
        if (importDir == null) {
            throw new InvalidFieldException("file", "no import directory is configured; send the CSV as the body");
        }
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new InvalidFieldException("file", "must be a plain file name in the import directory");
        }
        java.nio.file.Path path = importDir.resolve(name);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new NotFoundException("file", name);
        }
        return path;
    }

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
