package io.pacer.api;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.pacer.store.campaign.Campaign;
import io.pacer.engine.campaign.Regime;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.Compliance;
import io.pacer.store.campaign.HoursPeriod;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.pacing.DialMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads campaign settings from a request body; fields left out keep {@code base}'s values (defaults on create). */
final class CampaignJson {

    private CampaignJson() {
    }

    /** The defaults a new campaign starts from. */
    static Campaign defaults() {
        return new Campaign(0, "new", "", CampaignStatus.DISABLED, false, null, "UTC", DialMode.PROGRESSIVE, 1.0, 0.0, 0.03,
                25_000, 2_000, 100, List.of(), 10, 8 * 60, 21 * 60, Campaign.DEFAULT_SUBJECT, true, "US", List.of(),
                Map.of(), List.of(), List.of());
    }

    /**
     * Every field of a campaign as the API shows it. All are writable except {@code id}, {@code done},
     * {@code lockOwner} and {@code compliance}, which a client that sends back what it read may include and which
     * are then ignored (the first three change through their own routes; compliance is written through its flat
     * fields {@code regime}, {@code abandonMessage}, {@code lockoutMinutes}, {@code dialUnknownZones}, {@code holidays},
     * {@code requireConsent} and {@code abandonPool}).
     */
    private static final String[] KNOWN = {"name", "description", "status", "timeZone", "dialMode",
        "callsPerReadyAgent", "callsPerWrapAgent", "abandonTarget", "ringTimeoutMillis", "connectLimitMillis",
        "maxChannels", "displayNumbers", "maxAttempts", "windowStartMinute", "windowEndMinute", "subjectTemplate",
        "clock24", "defaultRegion", "hours", "retryRules", "responsibleUsers", "responsibleGroups",
        "regime", "abandonMessage", "lockoutMinutes", "dialUnknownZones", "holidays", "requireConsent", "abandonPool",
        "compliance",
        "id", "done", "lockOwner"};

    static Campaign read(JsonBody b, Campaign base) {
        b.only(KNOWN);
        base = underRegime(b, base);
        List<HoursPeriod> hours = base.hours();
        if (b.has("hours")) {
            hours = new ArrayList<>();
            for (JsonBody p : b.objects("hours")) {
                p.only("weekday", "startMinute", "endMinute");
                hours.add(new HoursPeriod(p.integer("weekday", -1), p.integer("startMinute", -1), p.integer("endMinute", -1)));
            }
        }
        Map<RetryClass, RetryRule> rules = base.retryRules();
        if (b.has("retryRules")) {
            JsonBody r = b.object("retryRules");
            rules = new EnumMap<>(RetryClass.class);
            for (RetryClass k : RetryClass.values()) {
                JsonBody rule = r.object(k.name());
                if (rule != null) {
                    rule.only("delaySeconds", "maxAttempts");
                    rules.put(k, new RetryRule(rule.whole("delaySeconds", RetryRule.DEFAULT.delaySeconds()),
                            rule.integer("maxAttempts", RetryRule.DEFAULT.maxAttempts())));
                }
            }
            var unknown = new ArrayList<String>();
            r.node().fieldNames().forEachRemaining(n -> {
                if (List.of(RetryClass.values()).stream().noneMatch(k -> k.name().equals(n))) {
                    unknown.add(n);
                }
            });
            if (!unknown.isEmpty()) {
                throw new InvalidFieldException("retryRules." + unknown.get(0), "unknown retry class; use " + List.of(RetryClass.values()));
            }
        }
        return new Campaign(base.id(), b.text("name", base.name()), b.text("description", base.description()),
                b.enumValue("status", CampaignStatus.class, base.status()), base.done(), base.lockOwner(),
                b.text("timeZone", base.timeZone()), b.enumValue("dialMode", DialMode.class, base.dialMode()),
                b.number("callsPerReadyAgent", base.callsPerReadyAgent()), b.number("callsPerWrapAgent", base.callsPerWrapAgent()),
                b.number("abandonTarget", base.abandonTarget()), b.whole("ringTimeoutMillis", base.ringTimeoutMillis()),
                b.whole("connectLimitMillis", base.connectLimitMillis()), b.integer("maxChannels", base.maxChannels()),
                b.has("displayNumbers") ? b.texts("displayNumbers") : base.displayNumbers(),
                b.integer("maxAttempts", base.maxAttempts()), b.integer("windowStartMinute", base.windowStartMinute()),
                b.integer("windowEndMinute", base.windowEndMinute()), b.text("subjectTemplate", base.subjectTemplate()),
                b.bool("clock24", base.clock24()), region(b.text("defaultRegion", base.defaultRegion())), hours, rules,
                b.has("responsibleUsers") ? b.wholes("responsibleUsers") : base.responsibleUsers(),
                b.has("responsibleGroups") ? b.wholes("responsibleGroups") : base.responsibleGroups(),
                new Compliance(base.compliance().regime(), b.has("abandonMessage") ? b.text("abandonMessage", null)
                        : base.compliance().abandonMessage(), b.whole("lockoutMinutes", base.compliance().lockoutMinutes()),
                        b.bool("dialUnknownZones", base.compliance().dialUnknownZones()),
                        b.has("holidays") ? b.texts("holidays") : base.compliance().holidays(),
                        b.bool("requireConsent", base.compliance().requireConsent()),
                        b.has("abandonPool") ? b.text("abandonPool", null) : base.compliance().abandonPool()));
    }

    /**
     * The base with the regime the body names, when it names a new one: every figure the body leaves out is
     * brought within the regime (cap, connect limit, ring, window, lockout), so that naming a regime alone is
     * enough; a figure the body sets that breaks the regime is refused when the campaign is built.
     */
    private static Campaign underRegime(JsonBody b, Campaign base) {
        String name = b.text("regime", null);
        if (name == null) {
            return base;
        }
        Regime r;
        try {
            r = Regime.named(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("regime", "must be one of fcc, ofcom, crtc, custom");
        }
        if (r == base.compliance().regime()) {
            return base;
        }
        Compliance c = new Compliance(r, base.compliance().abandonMessage(),
                Math.max(r.lockoutMinutes(), r == Regime.CUSTOM ? base.compliance().lockoutMinutes() : 0),
                r == Regime.CUSTOM && base.compliance().dialUnknownZones(), base.compliance().holidays(),
                base.compliance().requireConsent(), base.compliance().abandonPool());
        return new Campaign(base.id(), base.name(), base.description(), base.status(), base.done(), base.lockOwner(),
                base.timeZone(), base.dialMode(), base.callsPerReadyAgent(), base.callsPerWrapAgent(),
                Math.min(base.abandonTarget(), r.abandonCap()), Math.max(base.ringTimeoutMillis(), r.minRingMillis()),
                Math.min(base.connectLimitMillis(), r.maxConnectLimitMillis()), base.maxChannels(), base.displayNumbers(),
                base.maxAttempts(), Math.max(base.windowStartMinute(), r.earliestStartMinute()),
                Math.min(base.windowEndMinute(), r.latestEndMinute()), base.subjectTemplate(), base.clock24(),
                base.defaultRegion(), base.hours(), base.retryRules(), base.responsibleUsers(), base.responsibleGroups(), c);
    }

    /** A region the phone-number library knows: with an unknown one ("ZZ") every national number would fail. */
    private static String region(String region) {
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new InvalidFieldException("defaultRegion", "must be an ISO 3166 region the number library knows, such as US or DE");
        }
        return region;
    }
}
