package io.pacer.store.campaign;

/**
 * One ordered step of a campaign's treatment for an outcome (Genesys Outbound Contact's "treatments": step 1 is
 * applied after the first such outcome of a contact, step 2 after the second...). Once the steps run out, the
 * contact is exhausted.
 *
 * @param action       what happens
 * @param delaySeconds for {@link TreatmentAction#REDIAL} and {@link TreatmentAction#NEXT_NUMBER}: how long
 *                     after the call the contact is due
 * @param atMinute     for {@link TreatmentAction#NEXT_DAY}: the minute of the day (contact's zone) it is due,
 *                     or -1 otherwise
 */
public record Treatment(TreatmentAction action, long delaySeconds, int atMinute) {
}
