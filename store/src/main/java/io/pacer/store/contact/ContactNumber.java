package io.pacer.store.contact;

/**
 * One of a contact's numbers, in the order its attempt chain tries them (Genesys Outbound Contact keeps one
 * record per number in a "chain"; VICIdial keeps a main and alternate numbers; Pacer keeps them under one
 * contact).
 *
 * @param position          place in the chain, 0 first
 * @param number            E.164
 * @param type              what kind of line it is
 * @param timeZone          the number's own zone, or {@code null} for the contact's
 * @param windowStartMinute the number's own calling window start (minute of the day in its zone), or -1 for the
 *                          campaign's window only
 * @param windowEndMinute   its end, exclusive, or -1
 * @param attempts          calls made to this number
 * @param lastOutcome       the outcome of the last call to it, or {@code null}
 */
public record ContactNumber(int position, String number, NumberType type, String timeZone, int windowStartMinute,
        int windowEndMinute, int attempts, String lastOutcome) {

    /** Whether the number narrows the campaign's calling window with one of its own. */
    public boolean hasOwnWindow() {
        return windowStartMinute >= 0;
    }
}
