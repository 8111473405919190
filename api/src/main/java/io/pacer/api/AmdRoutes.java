package io.pacer.api;

import io.pacer.api.service.AmdService;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.store.campaign.AmdSettingsRepository;
import io.pacer.store.user.Role;
import java.util.List;

/**
 * {@code /api/v1/campaigns/{campaignId}/amd}: a campaign's answering-machine detection (docs/amd.md). A PATCH
 * changes the fields it names and keeps the others; naming a {@code preset} starts from that preset's parameters
 * and false-positive estimate. Every value is checked and a wrong one refused with 400 naming it.
 */
final class AmdRoutes {

    private static final String[] FIELDS = {"enabled", "preset", "initialSilenceMillis", "greetingMillis",
        "afterGreetingSilenceMillis", "totalAnalysisMillis", "minWordLengthMillis", "betweenWordsSilenceMillis",
        "maxWords", "silenceThreshold", "maxWordLengthMillis", "machineAction", "notSureAction", "falsePositiveRate"};

    private AmdRoutes() {
    }

    static List<Route> routes(AmdService amd) {
        String path = "/api/v1/campaigns/{campaignId}/amd";
        return List.of(
            new Route("GET", path, Role.SUPERVISOR, r -> ApiResponse.ok(amd.get(r.id("campaignId")))),
            new Route("PATCH", path, Role.SUPERVISOR, r -> {
                long id = r.id("campaignId");
                return ApiResponse.ok(amd.update(id, read(r.json(), amd.get(id))));
            }));
    }

    /** The settings a body asks for, over {@code base}. */
    static AmdSettings read(JsonBody b, AmdSettings current) {
        b.only(FIELDS);
        AmdSettings base = current;
        if (b.has("preset")) {
            String preset = b.text("preset");
            base = AmdSettingsRepository.checked(() -> AmdSettings.preset(current.enabled(), preset));
            base = new AmdSettings(base.enabled(), base.preset(), base.initialSilenceMillis(), base.greetingMillis(),
                    base.afterGreetingSilenceMillis(), base.totalAnalysisMillis(), base.minWordLengthMillis(),
                    base.betweenWordsSilenceMillis(), base.maxWords(), base.silenceThreshold(), base.maxWordLengthMillis(),
                    current.machineAction(), current.notSureAction(), base.falsePositiveRate());
        }
        AmdSettings s = base;
        return AmdSettingsRepository.checked(() -> new AmdSettings(b.bool("enabled", s.enabled()), s.preset(),
                b.integer("initialSilenceMillis", s.initialSilenceMillis()), b.integer("greetingMillis", s.greetingMillis()),
                b.integer("afterGreetingSilenceMillis", s.afterGreetingSilenceMillis()),
                b.integer("totalAnalysisMillis", s.totalAnalysisMillis()),
                b.integer("minWordLengthMillis", s.minWordLengthMillis()),
                b.integer("betweenWordsSilenceMillis", s.betweenWordsSilenceMillis()), b.integer("maxWords", s.maxWords()),
                b.integer("silenceThreshold", s.silenceThreshold()), b.integer("maxWordLengthMillis", s.maxWordLengthMillis()),
                b.text("machineAction", s.machineAction()), b.text("notSureAction", s.notSureAction()),
                b.number("falsePositiveRate", s.falsePositiveRate())));
    }
}
