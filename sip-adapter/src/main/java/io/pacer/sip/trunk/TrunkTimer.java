package io.pacer.sip.trunk;

/**
 * The timers a customer call on a trunk can have pending, one at a time (arming one replaces the one before).
 * Each is a named kind rather than a flag packed into a generation number: the generation only tells a timer
 * that fired after its call moved on from one that still counts.
 */
public enum TrunkTimer {
    /** No 180/183 came within the trunk's post-dial limit after the INVITE: CANCEL it. */
    POST_DIAL_LIMIT,
    /** The call has rung (from its first 180/183) for the ring timeout the engine gave with the dial: CANCEL it. */
    RING_TIMEOUT,
    /** The abandon prompt, or the agent hang-up message, has played to its end: hang the customer up. */
    ABANDON_PROMPT_END,
    /** A message drop waits for the machine's beep: look again whether it has sounded (or the wait is over). */
    BEEP_WAIT,
    /** Our CANCEL got no final response in 32 s (64 T1): give the call up as unanswered. */
    CANCEL_GUARD,
    /** Pacer is the session's refresher (RFC 4028) and its refresh is due. Armed apart from the kinds above. */
    SESSION_REFRESH,
    /** The carrier is the refresher and its refresh has not come in time: hang up. Armed apart from the kinds above. */
    SESSION_EXPIRED;

    /** True for the session timer kinds, which live beside the call's one other pending timer. */
    boolean session() {
        return this == SESSION_REFRESH || this == SESSION_EXPIRED;
    }
}
