package io.pacer.store.journal;

/**
 * A contact loaded into the hopper: already marked DIALING in the database, so it is never handed out twice
 * and a crash cannot lose it.
 *
 * @param contactId           contact id
 * @param number              E.164 number to dial (the callback's number when it has one)
 * @param ownerAgentId        agent of a personal callback, -1, or {@code ContactSlot.ASSURED} for an assured contact
 * @param dialableUntilMillis end of the contact's calling window (epoch ms); after it the contact goes back
 */
record HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis) {
}
