package io.pacer.store.campaign;

/** Whether a campaign dials: always, never, or only within its campaign hours. */
public enum CampaignStatus {
    /** Dials whenever it runs. */
    ENABLED,
    /** Dials nothing new. */
    DISABLED,
    /** Dials only within its campaign hours; between periods nothing new is queued. */
    AUTOMATIC
}
