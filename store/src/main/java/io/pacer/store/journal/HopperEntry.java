package io.pacer.store.journal;

/**
 * A contact loaded into the hopper: already marked DIALING in the database, so it is never handed out twice
 * and a crash cannot lose it.
 *
 * @param contactId           contact id
 * @param number              E.164 number to dial: the callback's number when it has one, else the one its
 *                            attempt chain picked
 * @param ownerAgentId        agent of a personal callback, -1, or {@code ContactSlot.ASSURED} for an assured contact
 * @param dialableUntilMillis end of the contact's calling window (epoch ms); after it the contact goes back
 * @param callerId            display number chosen for the call, or {@code null} for the campaign's default
 */
record HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis, String callerId) {

    /** An entry presenting the campaign's default display number. */
    HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis) {
        this(contactId, number, ownerAgentId, dialableUntilMillis, null);
    }
}
