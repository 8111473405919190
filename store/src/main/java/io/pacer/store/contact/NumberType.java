package io.pacer.store.contact;

/** The kind of line a contact's number is (shown to the agent; the chain's order is the list's, not the type's). */
public enum NumberType {
    /** A home line. */
    HOME,
    /** A mobile phone. */
    MOBILE,
    /** A work line. */
    WORK,
    /** Anything else. */
    OTHER
}
