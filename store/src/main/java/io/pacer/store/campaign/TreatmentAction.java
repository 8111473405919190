package io.pacer.store.campaign;

/** What one step of a treatment does with the contact after an unconnected call. */
public enum TreatmentAction {
    /** Call the same number again after the step's delay. */
    REDIAL,
    /** Call the chain's next number after the step's delay (the same number when the contact has one). */
    NEXT_NUMBER,
    /** Start the chain again at its first number the next day, at the step's minute of the day in the contact's zone. */
    NEXT_DAY
}
