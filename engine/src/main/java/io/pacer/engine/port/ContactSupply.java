package io.pacer.engine.port;

/**
 * Where the core takes the next contact to dial from: an in-memory "hopper" kept filled ahead of need, so
 * the core never waits on storage.
 *
 * <p>Called on the core's thread; an implementation returns at once with what it has in memory.
 */
public interface ContactSupply {

    /**
     * Fills {@code out} with the next contact due for {@code campaignId} and removes it from the hopper.
     *
     * @return {@code false} when nothing is due now (the list is empty or the hopper is being refilled)
     */
    boolean next(int campaignId, long epochMillis, ContactSlot out);

    /**
     * Hands back a contact taken by {@link #next} that was not dialed after all (campaign stopped, no channel):
     * it must be due again, never lost.
     */
    void giveBack(int campaignId, long contactId);

    /**
     * The agent marked a previewed contact "do not call": it leaves the list and its number enters the
     * campaign's do-not-call list. The default hands it back, for supplies that keep no such list.
     */
    default void doNotCall(int campaignId, long contactId) {
        giveBack(campaignId, contactId);
    }
}
