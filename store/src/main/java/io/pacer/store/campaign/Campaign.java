package io.pacer.store.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.DialSettings;
import io.pacer.engine.campaign.Regime;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.pacing.DialMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A campaign as storage keeps it: the core's {@link DialSettings} (declared and range-checked once, in the engine;
 * {@link #toEngineConfig()} hands them over) plus lists, hours, retry rules, responsibles and the lifecycle flags.
 * Immutable; an edit stores a new value.
 *
 * @param id                 id, 0 before it is stored
 * @param name               shown to operators and used as the name of every contact's case
 * @param description        free text
 * @param status             enabled, disabled or automatic (campaign hours)
 * @param done               closed for good: read-only
 * @param lockOwner          the engine that runs it, or {@code null}
 * @param timeZone           time zone of the campaign hours and of activity subjects
 * @param dial               how it dials: mode, power ratios, abandon target, ring timeout, connect limit, channels
 * @param displayNumbers     caller ids presented to contacts; the first is the default
 * @param maxAttempts        attempts per contact, whatever the outcomes
 * @param windowStartMinute  contact calling window start, minute of the day in the contact's time zone
 * @param windowEndMinute    contact calling window end, exclusive
 * @param subjectTemplate    activity subject with {calltype}, {date}, {time}, {callresult}, {callresultgroup}
 * @param clock24            24-hour ({@code true}) or 12-hour times in subjects
 * @param defaultRegion      ISO region for numbers written without a country code
 * @param hours              campaign hours (used when {@code status} is automatic)
 * @param retryRules         rule per retry class; missing classes use {@link RetryRule#DEFAULT}
 * @param responsibleUsers   users who get its calls
 * @param responsibleGroups  groups whose members get its calls
 * @param compliance         the regime and the figures it leaves to the campaign; its floors bound the
 *                           abandon target, ring timeout, connect limit, calling window and lockout
 */
public record Campaign(
        long id,
        String name,
        String description,
        CampaignStatus status,
        boolean done,
        String lockOwner,
        String timeZone,
        // Unwrapped: the API's JSON shows the dial settings as the campaign's own fields, as it always has.
        @JsonUnwrapped DialSettings dial,
        List<String> displayNumbers,
        int maxAttempts,
        int windowStartMinute,
        int windowEndMinute,
        String subjectTemplate,
        boolean clock24,
        String defaultRegion,
        List<HoursPeriod> hours,
        Map<RetryClass, RetryRule> retryRules,
        List<Long> responsibleUsers,
        List<Long> responsibleGroups,
        Compliance compliance) {

    /** Under Ofcom, no call again within 24 hours to a number where a machine was detected. */
    public static final long OFCOM_MACHINE_LOCKOUT_MILLIS = 24 * 3_600_000L;

    /** The subject template used when none is given. */
    public static final String DEFAULT_SUBJECT = "{calltype} {date} {time}: {callresult}";

    /** Checks every field; throws naming the first one that is wrong. */
    public Campaign {
        require(name != null && !name.isBlank(), "name", "must not be empty");
        require(status != null, "status", "must be ENABLED, DISABLED or AUTOMATIC");
        require(timeZone != null && validZone(timeZone), "timeZone", "must be a time zone id such as Europe/Berlin");
        require(dial != null, "dialMode", "must be one of " + List.of(DialMode.values()));
        require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", "must be within 1..100");
        require(windowStartMinute >= 0 && windowStartMinute < 1440, "windowStartMinute", "must be within 0..1439");
        require(windowEndMinute > windowStartMinute && windowEndMinute <= 1440, "windowEndMinute",
                "must be after windowStartMinute and at most 1440");
        require(subjectTemplate != null && !subjectTemplate.isBlank(), "subjectTemplate", "must not be empty");
        require(defaultRegion != null && defaultRegion.matches("[A-Z]{2}"), "defaultRegion", "must be an ISO region such as DE");
        displayNumbers = List.copyOf(displayNumbers == null ? List.of() : displayNumbers);
        for (String number : displayNumbers) {
            require(number.matches("\\+[1-9][0-9]{4,14}"), "displayNumbers", "must be E.164 numbers, was " + number);
        }
        hours = List.copyOf(hours == null ? List.of() : hours);
        for (HoursPeriod p : hours) {
            require(p.weekday() >= 1 && p.weekday() <= 7, "hours.weekday", "must be within 1 (Monday)..7 (Sunday)");
            require(p.startMinute() >= 0 && p.startMinute() < 1440, "hours.startMinute", "must be within 0..1439");
            require(p.endMinute() > p.startMinute() && p.endMinute() <= 1440, "hours.endMinute",
                    "must be after startMinute and at most 1440");
        }
        require(status != CampaignStatus.AUTOMATIC || !hours.isEmpty(), "hours", "automatic status needs campaign hours");
        retryRules = Map.copyOf(retryRules == null ? Map.of() : retryRules);
        for (RetryRule rule : retryRules.values()) {
            require(rule.delaySeconds() >= 0, "retryRules.delaySeconds", "must not be negative");
            require(rule.maxAttempts() >= 0, "retryRules.maxAttempts", "must not be negative");
        }
        responsibleUsers = List.copyOf(responsibleUsers == null ? List.of() : responsibleUsers);
        responsibleGroups = List.copyOf(responsibleGroups == null ? List.of() : responsibleGroups);
        description = description == null ? "" : description;
        compliance = compliance == null ? Compliance.LEGACY : compliance;
        checkRegime(compliance, dial.abandonTarget(), dial.ringTimeoutMillis(), dial.connectLimitMillis(), windowStartMinute,
                windowEndMinute);
    }

    /** The campaign with its dial settings given one by one (as the API and the database hold them). */
    public Campaign(long id, String name, String description, CampaignStatus status, boolean done, String lockOwner,
            String timeZone, DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent, double abandonTarget,
            long ringTimeoutMillis, long connectLimitMillis, int maxChannels, List<String> displayNumbers, int maxAttempts,
            int windowStartMinute, int windowEndMinute, String subjectTemplate, boolean clock24, String defaultRegion,
            List<HoursPeriod> hours, Map<RetryClass, RetryRule> retryRules, List<Long> responsibleUsers,
            List<Long> responsibleGroups, Compliance compliance) {
        this(id, name, description, status, done, lockOwner, timeZone, dial(dialMode, callsPerReadyAgent, callsPerWrapAgent,
                abandonTarget, ringTimeoutMillis, connectLimitMillis, maxChannels), displayNumbers, maxAttempts,
                windowStartMinute, windowEndMinute, subjectTemplate, clock24, defaultRegion, hours, retryRules,
                responsibleUsers, responsibleGroups, compliance);
    }

    /** A campaign under no regulator ({@link Compliance#LEGACY}), as stored before regimes existed. */
    public Campaign(long id, String name, String description, CampaignStatus status, boolean done, String lockOwner,
            String timeZone, DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent, double abandonTarget,
            long ringTimeoutMillis, long connectLimitMillis, int maxChannels, List<String> displayNumbers, int maxAttempts,
            int windowStartMinute, int windowEndMinute, String subjectTemplate, boolean clock24, String defaultRegion,
            List<HoursPeriod> hours, Map<RetryClass, RetryRule> retryRules, List<Long> responsibleUsers,
            List<Long> responsibleGroups) {
        this(id, name, description, status, done, lockOwner, timeZone, dialMode, callsPerReadyAgent, callsPerWrapAgent,
                abandonTarget, ringTimeoutMillis, connectLimitMillis, maxChannels, displayNumbers, maxAttempts,
                windowStartMinute, windowEndMinute, subjectTemplate, clock24, defaultRegion, hours, retryRules,
                responsibleUsers, responsibleGroups, Compliance.LEGACY);
    }

    /** The dial settings, checked by the engine's one definition of their ranges; the field named as storage names it. */
    private static DialSettings dial(DialMode dialMode, double callsPerReadyAgent, double callsPerWrapAgent,
            double abandonTarget, long ringTimeoutMillis, long connectLimitMillis, int maxChannels) {
        try {
            return new DialSettings(dialMode, callsPerReadyAgent, callsPerWrapAgent, abandonTarget, ringTimeoutMillis,
                    connectLimitMillis, maxChannels);
        } catch (CampaignConfig.InvalidSettingException e) {
            throw new InvalidFieldException(e.field(), e.problem());
        }
    }

    /** {@link DialSettings#dialMode}. */
    public DialMode dialMode() {
        return dial.dialMode();
    }

    /** {@link DialSettings#callsPerReadyAgent}. */
    public double callsPerReadyAgent() {
        return dial.callsPerReadyAgent();
    }

    /** {@link DialSettings#callsPerWrapAgent}. */
    public double callsPerWrapAgent() {
        return dial.callsPerWrapAgent();
    }

    /** {@link DialSettings#abandonTarget}. */
    public double abandonTarget() {
        return dial.abandonTarget();
    }

    /** {@link DialSettings#ringTimeoutMillis}. */
    public long ringTimeoutMillis() {
        return dial.ringTimeoutMillis();
    }

    /** {@link DialSettings#connectLimitMillis}. */
    public long connectLimitMillis() {
        return dial.connectLimitMillis();
    }

    /** {@link DialSettings#maxChannels}. */
    public int maxChannels() {
        return dial.maxChannels();
    }

    /** Refuses, naming the setting, any figure that breaks the campaign's regime. */
    private static void checkRegime(Compliance compliance, double abandonTarget, long ringTimeoutMillis,
            long connectLimitMillis, int windowStartMinute, int windowEndMinute) {
        Regime r = compliance.regime();
        String under = " under " + r.name().toLowerCase(java.util.Locale.ROOT);
        require(abandonTarget <= r.abandonCap(), "abandonTarget", "must be at most " + r.abandonCap() + under);
        require(ringTimeoutMillis >= r.minRingMillis(), "ringTimeoutMillis", "must be at least " + r.minRingMillis() + under);
        require(connectLimitMillis <= r.maxConnectLimitMillis(), "connectLimitMillis", "must be at most "
                + r.maxConnectLimitMillis() + under + " (the message must start within " + r.messageDeadlineMillis()
                + " ms of the answer, with " + Regime.MESSAGE_MARGIN_MILLIS + " ms to spare)");
        require(windowStartMinute >= r.earliestStartMinute(), "windowStartMinute",
                "must be at least " + r.earliestStartMinute() + under);
        require(windowEndMinute <= r.latestEndMinute(), "windowEndMinute", "must be at most " + r.latestEndMinute() + under);
        require(compliance.lockoutMinutes() >= r.lockoutMinutes(), "lockoutMinutes",
                "must be at least " + r.lockoutMinutes() + under);
        require(compliance.lockoutMinutes() <= 366L * 24 * 60, "lockoutMinutes", "must be at most a year (527040)");
    }

    /**
     * Refuses to start a campaign whose regime requires a message for abandoned customers when it has none
     * and its mode can abandon (predictive, power, adaptive); agent-first and progressive modes never abandon
     * a call with no agent reserved, so they may start without one.
     */
    public void requireStartable() {
        boolean canAbandon = switch (dial.dialMode()) {
            case PREDICTIVE, POWER, ADAPTIVE -> true;
            default -> false;
        };
        if (canAbandon && compliance.regime().requiresMessage() && !compliance.hasMessage()) {
            throw new ConflictException("abandonMessage", "a " + dial.dialMode().name().toLowerCase(java.util.Locale.ROOT)
                    + " campaign under " + compliance.regime().name().toLowerCase(java.util.Locale.ROOT)
                    + " must have a message for abandoned calls before it starts");
        }
    }

    /** The retry rule for a class, the default where the campaign sets none. */
    public RetryRule retryRule(RetryClass retryClass) {
        return retryRules.getOrDefault(retryClass, RetryRule.DEFAULT);
    }

    /**
     * How long after a call with this outcome its contact waits before it is due again: the retry rule's delay
     * for its class, but never less than the campaign's redial lockout after an abandoned call (no agent in
     * time, or the customer hung up waiting for one: 72 h under Ofcom), and never less than 24 hours after a
     * machine under Ofcom.
     */
    public long retryDelayMillis(CallOutcome outcome) {
        long ruleMillis = retryRule(RetryClass.of(outcome)).delaySeconds() * 1000;
        boolean abandoned = outcome == CallOutcome.ABANDONED || outcome == CallOutcome.CUSTOMER_HUNG_UP;
        if (outcome == CallOutcome.MACHINE && compliance.regime() == Regime.OFCOM) {
            // Ofcom: a number where a machine was detected is not called again within 24 hours (docs/compliance.md).
            return Math.max(ruleMillis, OFCOM_MACHINE_LOCKOUT_MILLIS);
        }
        return abandoned ? Math.max(ruleMillis, compliance.lockoutMinutes() * 60_000L) : ruleMillis;
    }

    /** The campaign's time zone as an id. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The dial settings the core needs; the first display number is the caller id. */
    public CampaignConfig toEngineConfig() {
        return new CampaignConfig((int) id, name, dial, displayNumbers.isEmpty() ? null : displayNumbers.get(0), null);
    }

    /** The same settings under another id, name and lifecycle (for duplicates and stored copies). */
    public Campaign with(long newId, String newName, boolean newDone, String newLockOwner) {
        return new Campaign(newId, newName, description, status, newDone, newLockOwner, timeZone, dial, displayNumbers, maxAttempts, windowStartMinute, windowEndMinute, subjectTemplate, clock24, defaultRegion,
                hours, retryRules, responsibleUsers, responsibleGroups, compliance);
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidFieldException(field, problem);
        }
    }
}
