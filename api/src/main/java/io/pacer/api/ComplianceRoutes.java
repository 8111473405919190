package io.pacer.api;

import io.pacer.api.service.ComplianceService;
import io.pacer.store.compliance.AbandonedCalls;
import io.pacer.store.compliance.ContactConsent;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;

/**
 * A campaign's safe-harbour message (the WAV body of a PUT), contacts' consent and assurance, and the audit's lists: abandoned
 * calls with their message latency and contacts not dialled with the reason (docs/compliance.md).
 */
final class ComplianceRoutes {

    private ComplianceRoutes() {
    }

    static List<Route> routes(ComplianceService compliance) {
        String campaign = "/api/v1/campaigns/{campaignId}";
        String consent = campaign + "/contacts/{contactId}/consent";
        String assured = campaign + "/contacts/{contactId}/assured";
        return List.of(
            new Route("PUT", campaign + "/message", Role.SUPERVISOR, r -> ApiResponse.ok(compliance.uploadMessage(
                    r.id("campaignId"), r.param("name", "message.wav"), r.body()))),
            new Route("GET", campaign + "/message", Role.SUPERVISOR, r -> ApiResponse.ok(compliance.message(r.id("campaignId")))),
            new Route("DELETE", campaign + "/message", Role.SUPERVISOR, r -> {
                compliance.deleteMessage(r.id("campaignId"));
                return ApiResponse.noContent();
            }),
            new Route("PUT", consent, Role.SUPERVISOR, r -> {
                JsonBody b = r.json().only("basis", "source", "at", "atMillis");
                return ApiResponse.ok(compliance.giveConsent(r.id("campaignId"), r.id("contactId"),
                        new ContactConsent.Consent(b.text("basis"), b.text("source", null), b.instant("at", 0))));
            }),
            new Route("GET", consent, Role.SUPERVISOR, r -> ApiResponse.ok(compliance.consent(r.id("campaignId"), r.id("contactId")))),
            new Route("DELETE", consent, Role.SUPERVISOR, r -> {
                compliance.withdrawConsent(r.id("campaignId"), r.id("contactId"));
                return ApiResponse.noContent();
            }),
            new Route("PUT", assured, Role.SUPERVISOR, r -> ApiResponse.ok(assurance(r,
                    compliance.assure(r.id("campaignId"), r.id("contactId"), true)))),
            new Route("GET", assured, Role.SUPERVISOR, r -> ApiResponse.ok(assurance(r,
                    compliance.assured(r.id("campaignId"), r.id("contactId"))))),
            new Route("DELETE", assured, Role.SUPERVISOR, r -> ApiResponse.ok(assurance(r,
                    compliance.assure(r.id("campaignId"), r.id("contactId"), false)))),
            new Route("GET", campaign + "/compliance/abandoned", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                int days = r.intParam("days", 30, 1, 1100);
                if (csv(r)) {
                    return ApiResponse.text(compliance.abandonedCallsCsv(id, days), "text/csv; charset=utf-8");
                }
                Paging.Page page = Paging.of(r, 100);
                List<AbandonedCalls.Call> found = compliance.abandonedCalls(id, days, before(page), page.limit() + 1);
                boolean more = found.size() > page.limit();
                List<AbandonedCalls.Call> items = more ? found.subList(0, page.limit()) : found;
                return Paging.answer(r, Map.of("calls", items), more ? items.get(items.size() - 1).id() : -1, -1);
            }),
            new Route("GET", campaign + "/compliance/refusals", Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                int days = r.intParam("days", 30, 1, 1100);
                String reason = r.param("reason", null);
                if (csv(r)) {
                    return ApiResponse.text(compliance.refusalsCsv(id, days, reason), "text/csv; charset=utf-8");
                }
                Paging.Page page = Paging.of(r, 100);
                List<DialRefusals.Refusal> found = compliance.refusals(id, days, reason, before(page), page.limit() + 1);
                boolean more = found.size() > page.limit();
                List<DialRefusals.Refusal> items = more ? found.subList(0, page.limit()) : found;
                return Paging.answer(r, Map.of("refusals", items), more ? items.get(items.size() - 1).id() : -1, -1);
            })
        );
    }

    private static Map<String, Object> assurance(ApiRequest r, boolean assured) {
        return Map.of("contactId", r.id("contactId"), "assured", assured);
    }

    /** Newest first by id: a cursor holds the last id seen (an insert meanwhile shifts nothing). */
    private static long before(Paging.Page page) {
        if (!page.fromCursor() && page.position() > 0) {
            throw new InvalidFieldException("offset", "this list pages with cursor only");
        }
        return page.fromCursor() ? page.position() : 0;
    }

    private static boolean csv(ApiRequest r) {
        String format = r.param("format", "json");
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw new InvalidFieldException("format", "must be json or csv, was " + format);
        };
    }
}
