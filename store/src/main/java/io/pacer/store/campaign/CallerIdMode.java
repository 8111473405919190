package io.pacer.store.campaign;

/** How a campaign chooses the display number of each call among its {@link Campaign#displayNumbers()}. */
public enum CallerIdMode {
    /** Always the first display number (as before display-number choice existed). */
    FIRST,
    /** Each call takes the next display number in turn. */
    ROTATE,
    /**
     * Local presence: the display number nearest the called number's area (same area code, else same geographic
     * region, else same country), in turn among equally near ones; in turn among all when none is near.
     */
    LOCAL
}
