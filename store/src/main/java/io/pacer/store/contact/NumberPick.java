package io.pacer.store.contact;

/**
 * Which of a contact's numbers the hopper dials now, or why none.
 *
 * @param number      the number to dial, or {@code null} when none is callable now
 * @param windowMillis with a number: the end of its calling window (epoch ms); without: the start of the next
 *                    window of any number, or {@link Long#MIN_VALUE} when every number is blocked
 */
public record NumberPick(String number, long windowMillis) {

    /** Whether every number of the contact is on the do-not-call list. */
    public boolean allBlocked() {
        return number == null && windowMillis == Long.MIN_VALUE;
    }
}
