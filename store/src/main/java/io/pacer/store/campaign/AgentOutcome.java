package io.pacer.store.campaign;

/**
 * What the agent records after a call, and what it does to the contact. Custom outcomes name one of these as
 * their behaviour.
 */
public enum AgentOutcome {
    /** Nobody reachable: the contact stays in the list and is retried by the not-reachable rule. */
    NOT_REACHABLE,
    /** Call again: a callback task at a date and time (optionally another number, personal or any agent). */
    CALL_AGAIN,
    /** No interest: the contact leaves the list. */
    NO_INTEREST,
    /** Done: the contact leaves the list. */
    DONE,
    /** Do not call: the contact leaves the list and its number enters the campaign's do-not-call list. */
    DO_NOT_CALL
}
