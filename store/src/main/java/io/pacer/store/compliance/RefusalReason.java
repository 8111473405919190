package io.pacer.store.compliance;

/** Why the hopper did not dial a due contact (issue 12's audit of calls refused). */
public enum RefusalReason {
    /** Outside the calling hours in the called party's zone (any of its zones), or on a holiday there. */
    HOURS,
    /** The number's time zone cannot be told and the campaign does not dial unknown zones. */
    UNKNOWN_ZONE,
    /** The number is on the do-not-call list; the contact is closed. */
    DO_NOT_CALL,
    /** The contact's last call was abandoned; it is held back for the campaign's lockout. */
    LOCKOUT,
    /** The campaign requires consent and the contact has no consent basis. */
    CONSENT
}
