package io.pacer.api.service;

import io.pacer.engine.campaign.CampaignStats;
import io.pacer.engine.control.CampaignStatsSource;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.engine.campaign.Regime;
import io.pacer.store.compliance.AbandonLedger;
import io.pacer.store.compliance.AbandonedCalls;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.compliance.RefusalReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A campaign's state for supervisors: storage's view (lifecycle, contacts by state, the abandonment rate so
 * far) beside the core's live figures, read without touching core state.
 */
public final class StatsService {

    private final Storage storage;
    private final CampaignStatsSource live;
    private final Supplier<List<TrunkView>> trunks;

    /** Snapshots over storage, the core's live figures and the trunks' state. */
    public StatsService(Storage storage, CampaignStatsSource live, Supplier<List<TrunkView>> trunks) {
        this.storage = storage;
        this.live = live;
        this.trunks = trunks;
    }

    /**
     * This node's id, whether campaigns are held under leases, and every node sharing the database with the
     * campaigns it holds (none on SQLite, where one engine holds locks).
     */
    public Map<String, Object> nodes() {
        io.pacer.store.cluster.LeaseKeeper leases = storage.leases();
        return Map.of("nodeId", storage.engineId(), "leases", leases != null,
                "nodes", leases == null ? List.of() : leases.nodes());
    }

    /** The trunks' state now (up, backing off, channels free). */
    public List<TrunkView> trunks() {
        return trunks.get();
    }

    /**
     * The campaign's compliance record for a regulator: its regime, the abandonment over the regime's window
     * now (answers, abandons, rate, what the cap still allows, the abandoned calls' message latencies against the
     * regime's deadline, the contacts not dialled by reason), and answers, abandons and refusals per local day for
     * the last {@code days} days.
     */
    public Map<String, Object> compliance(long campaignId, int days) {
        Campaign campaign = storage.campaigns().get(campaignId);
        Regime regime = campaign.compliance().regime();
        storage.abandons().flush();
        long now = storage.clock().epochMillis();
        long from = regime.window().startMillis(now, campaign.zone());
        long[] window = storage.abandons().totals(campaignId, from - from % AbandonLedger.BUCKET_MILLIS, now + 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("regime", regime);
        out.put("abandonCap", campaign.abandonTarget());
        out.put("regulatorCap", regime.abandonCap());
        out.put("window", regime.window());
        out.put("windowFromMillis", from);
        out.put("windowToMillis", now);
        out.put("answers", window[0]);
        out.put("abandons", window[1]);
        out.put("abandonRate", window[0] == 0 ? 0.0 : (double) window[1] / window[0]);
        out.put("abandonsLeft", regime.abandonCap() * window[0] - window[1]);
        out.put("lockoutMinutes", campaign.compliance().lockoutMinutes());
        out.put("abandonMessage", campaign.compliance().abandonMessage());
        out.put("requireConsent", campaign.compliance().requireConsent());
        AbandonedCalls.Summary calls = storage.abandonedCalls().summary(campaignId, from, now + 1,
                regime.messageDeadlineMillis());
        Map<String, Object> abandoned = new LinkedHashMap<>();
        abandoned.put("calls", calls.calls());
        abandoned.put("withMessage", calls.withMessage());
        abandoned.put("messageDeadlineMillis", regime.messageDeadlineMillis());
        abandoned.put("overDeadline", calls.overDeadline());
        abandoned.put("maxMessageLatencyMillis", calls.maxMessageLatencyMicros() / 1e3);
        out.put("abandonedCalls", abandoned);
        out.put("refused", storage.refusals().counts(campaignId, from, now + 1));
        if (campaign.compliance().abandonPool() != null) {
            out.put("pool", pool(campaign, regime, from, now));
        }
        out.put("days", perDay(campaign, now - days * 86_400_000L, now + 1));
        return out;
    }

    /** The abandonment pool's figures over the window: its members counted as one calling campaign. */
    private Map<String, Object> pool(Campaign campaign, Regime regime, long from, long now) {
        List<Long> members = storage.abandonGroup(campaign);
        long[] w = storage.abandons().totals(members, from - from % AbandonLedger.BUCKET_MILLIS, now + 1);
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("name", campaign.compliance().abandonPool());
        pool.put("campaigns", members);
        pool.put("answers", w[0]);
        pool.put("abandons", w[1]);
        pool.put("abandonRate", w[0] == 0 ? 0.0 : (double) w[1] / w[0]);
        pool.put("abandonsLeft", regime.abandonCap() * w[0] - w[1]);
        return pool;
    }

    /** Answers, abandons and refusals per local day of the campaign's zone, oldest first. */
    private List<Map<String, Object>> perDay(Campaign campaign, long fromMillis, long toMillis) {
        Map<Long, Map<String, Object>> days = new TreeMap<>();
        for (long[] d : storage.abandons().perDay(campaign.id(), fromMillis, toMillis, campaign.zone())) {
            Map<String, Object> day = day(days, d[0], campaign);
            day.put("answers", d[1]);
            day.put("abandons", d[2]);
            day.put("abandonRate", d[1] == 0 ? 0.0 : (double) d[2] / d[1]);
        }
        storage.refusals().perDay(campaign.id(), fromMillis, toMillis, campaign.zone())
                .forEach((midnight, counts) -> day(days, midnight, campaign).put("refused", counts));
        for (Map<String, Object> day : days.values()) {
            day.putIfAbsent("refused", DialRefusals.zeros());
        }
        return new ArrayList<>(days.values());
    }

    private static Map<String, Object> day(Map<Long, Map<String, Object>> days, long midnight, Campaign campaign) {
        return days.computeIfAbsent(midnight, m -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", Instant.ofEpochMilli(m).atZone(campaign.zone()).toLocalDate().toString());
            day.put("answers", 0L);
            day.put("abandons", 0L);
            day.put("abandonRate", 0.0);
            return day;
        });
    }

    /** The per-day rows of {@link #compliance} as CSV, with a header, for a regulator's spreadsheet. */
    @SuppressWarnings("unchecked")
    public String complianceCsv(long campaignId, int days) {
        StringBuilder csv = new StringBuilder("date,answers,abandons,abandon_rate");
        for (RefusalReason reason : RefusalReason.values()) {
            csv.append(",refused_").append(reason.name().toLowerCase(java.util.Locale.ROOT));
        }
        csv.append('\n');
        for (Map<String, Object> d : (List<Map<String, Object>>) compliance(campaignId, days).get("days")) {
            csv.append(d.get("date")).append(',').append(d.get("answers")).append(',').append(d.get("abandons"))
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.5f", (Double) d.get("abandonRate")));
            Map<RefusalReason, Long> refused = (Map<RefusalReason, Long>) d.get("refused");
            for (RefusalReason reason : RefusalReason.values()) {
                csv.append(',').append(refused.get(reason));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** The campaign's snapshot, in the order the API shows its fields; not found for an unknown campaign. */
    public Map<String, Object> snapshot(long campaignId) {
        Campaign campaign = storage.campaigns().get(campaignId);
        long[] abandonedAndAnswered = storage.activities().abandonedAndAnswered(campaignId);
        long abandoned = abandonedAndAnswered[0];
        long answered = abandonedAndAnswered[1];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("name", campaign.name());
        out.put("status", campaign.status());
        out.put("done", campaign.done());
        out.put("lockOwner", campaign.lockOwner());
        out.put("contactsByState", storage.contacts().countByState(campaignId));
        out.put("hopperSize", storage.hopper().size((int) campaignId));
        out.put("abandonedSoFar", abandoned);
        out.put("answeredSoFar", answered);
        out.put("abandonRateSoFar", answered == 0 ? 0.0 : (double) abandoned / answered);
        CampaignStats stats = live.stats((int) campaignId);
        out.put("live", stats);
        // The server's trunks: a campaign dials through them, and a back-off or a dead trunk explains held dials.
        out.put("trunks", trunks.get());
        return out;
    }
}
