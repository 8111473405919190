package io.pacer.api.service;

import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.error.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What if we switch to power 2.0, or to a 2 % target, for the next two hours?": measures the campaign's world
 * from its recent calls ({@link WhatIfBasis}) and asks the {@link WhatIf} port to run it under the campaign's
 * current settings and under the proposed ones, side by side. Nothing is changed on the campaign.
 */
public final class WhatIfService {

    /** The dial modes a what-if can run: the automatic ones (preview dialling is paced by the agents). */
    public static final List<String> MODES = List.of("PROGRESSIVE", "POWER", "PREDICTIVE");

    private final Storage storage;
    private final ConsoleSnapshots snapshots;
    private final WhatIf whatIf;

    /** A service over storage, the console's shift charts and a simulator ({@code null}: not available). */
    public WhatIfService(Storage storage, ConsoleSnapshots snapshots, WhatIf whatIf) {
        this.storage = storage;
        this.snapshots = snapshots;
        this.whatIf = whatIf;
    }

    /** Predicts {@code hours} under the current and the {@code proposed} settings (fields left out stay). */
    public Map<String, Object> predict(long campaignId, double hours, Map<String, Object> proposed) {
        Campaign campaign = storage.campaigns().get(campaignId);
        if (hours < 0.25 || hours > 8) {
            throw new InvalidFieldException("hours", "must be from 0.25 to 8, was " + hours);
        }
        WhatIf.Settings current = new WhatIf.Settings(campaign.dialMode().name(), campaign.callsPerReadyAgent(),
                campaign.callsPerWrapAgent(), campaign.abandonTarget());
        WhatIf.Settings next = proposed(current, proposed);
        if (whatIf == null) {
            throw new io.pacer.store.error.ConflictException("campaignId", "this server runs without a simulator");
        }
        long now = storage.clock().epochMillis();
        Map<String, Object> chart = snapshots.history(campaignId);
        long from = WhatIfBasis.fromMillis(chart, now);
        WhatIfBasis basis = WhatIfBasis.measure(storage.activities().figuresSince(campaignId, from), chart, from, now,
                campaign.ringTimeoutMillis(), campaign.connectLimitMillis());
        WhatIf.Settings runnable = MODES.contains(current.dialMode()) ? current
                : new WhatIf.Settings("PROGRESSIVE", 1, 0, current.abandonTarget());
        WhatIf.Prediction now1 = whatIf.predict(basis, runnable, hours);
        WhatIf.Prediction then = whatIf.predict(basis, next, hours);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("hours", hours);
        out.put("measuredFromMillis", from);
        out.put("basis", basis);
        out.put("currentSettings", runnable);
        out.put("proposedSettings", next);
        out.put("current", now1);
        out.put("proposed", then);
        out.put("difference", difference(now1, then));
        return out;
    }

    private static WhatIf.Settings proposed(WhatIf.Settings current, Map<String, Object> p) {
        String mode = p.containsKey("dialMode") ? String.valueOf(p.get("dialMode")) : current.dialMode();
        if (!MODES.contains(mode)) {
            throw new InvalidFieldException("proposed.dialMode", "must be one of " + MODES + ", was " + mode);
        }
        double ready = number(p, "callsPerReadyAgent", current.callsPerReadyAgent(), 0.1, 10);
        double wrap = number(p, "callsPerWrapAgent", current.callsPerWrapAgent(), 0, 10);
        double target = number(p, "abandonTarget", current.abandonTarget(), 0.001, 0.2);
        return new WhatIf.Settings(mode, ready, wrap, target);
    }

    private static double number(Map<String, Object> p, String name, double otherwise, double min, double max) {
        Object v = p.get(name);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new InvalidFieldException("proposed." + name, "must be a number from " + min + " to " + max
                    + ", was " + v);
        }
        return n.doubleValue();
    }

    private static Map<String, Object> difference(WhatIf.Prediction a, WhatIf.Prediction b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("occupancy", b.occupancy() - a.occupancy());
        d.put("abandonRate", b.abandonRate() - a.abandonRate());
        d.put("abandonRateWorstHour", b.abandonRateWorstHour() - a.abandonRateWorstHour());
        d.put("agentWaitMeanSeconds", b.agentWaitMeanSeconds() - a.agentWaitMeanSeconds());
        d.put("connectsPerAgentHour", b.connectsPerAgentHour() - a.connectsPerAgentHour());
        return d;
    }
}
