package io.pacer.engine.campaign;

import java.util.List;

/**
 * How a campaign takes the calls of customers who call back (blending, docs/pacing.md "Blending"): which dialled
 * numbers reach it, how long a caller may wait in its queue for a free agent, and how many of its ready agents the
 * pacing leaves for inbound calls. Kept apart from {@link CampaignConfig} because it changes without touching the
 * dial settings; the core hands an inbound call to a free agent of the campaign before any outbound dial is
 * bridged to that agent.
 *
 * @param enabled        false: the campaign takes no inbound calls (its numbers are refused as before)
 * @param numbers        the E.164 numbers that reach the campaign: its display numbers and its access numbers
 * @param maxWaitMillis  a caller waiting this long with no agent free ends as missed
 * @param reservedAgents ready agents the predictive and power pacing do not dial for, kept for inbound callers
 */
public record InboundRules(boolean enabled, List<String> numbers, long maxWaitMillis, int reservedAgents) {

    /** The shortest maximum wait: a caller needs a few seconds before an agent can be found. */
    public static final long MIN_WAIT_MILLIS = 5_000;
    /** The longest maximum wait: ten minutes. */
    public static final long MAX_WAIT_MILLIS = 600_000;
    /** The default maximum wait. */
    public static final long DEFAULT_WAIT_MILLIS = 60_000;
    /** The most agents that may be held back for inbound calls. */
    public static final int MAX_RESERVED_AGENTS = 1_000;
    /** No inbound calls: what a campaign has until its inbound settings are set. */
    public static final InboundRules OFF = new InboundRules(false, List.of(), DEFAULT_WAIT_MILLIS, 0);

    /** Validates every field; the exception names the first field that is wrong. */
    public InboundRules {
        numbers = List.copyOf(numbers == null ? List.of() : numbers);
        for (String n : numbers) {
            if (n == null || !n.matches("\\+[1-9][0-9]{4,14}")) {
                throw new CampaignConfig.InvalidSettingException("accessNumbers", "must be E.164 numbers, was " + n);
            }
        }
        if (maxWaitMillis < MIN_WAIT_MILLIS || maxWaitMillis > MAX_WAIT_MILLIS) {
            throw new CampaignConfig.InvalidSettingException("maxWaitMillis", "must be within 5000..600000, was "
                    + maxWaitMillis);
        }
        if (reservedAgents < 0 || reservedAgents > MAX_RESERVED_AGENTS) {
            throw new CampaignConfig.InvalidSettingException("reservedAgents", "must be within 0..1000, was "
                    + reservedAgents);
        }
    }
}
