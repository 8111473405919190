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
 * @param team                the team of a callback (only its agents take it), or {@code null}
 * @param dueMillis           when a callback fell due, from which its owner's grace runs; 0 for other contacts
 */
record HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis, String callerId,
        io.pacer.engine.campaign.Responsibles team, long dueMillis) {

    /** An entry that is no callback of a team. */
    HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis, String callerId) {
        this(contactId, number, ownerAgentId, dialableUntilMillis, callerId, null, 0);
    }

    /** An entry presenting the campaign's default display number. */
    HopperEntry(long contactId, String number, int ownerAgentId, long dialableUntilMillis) {
        this(contactId, number, ownerAgentId, dialableUntilMillis, null);
    }
}
