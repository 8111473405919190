package io.pacer.engine.campaign;

/**
 * Where a personal callback goes when its owner has not logged in to the campaign within the campaign's grace
 * (Genesys Workspace's two kinds of callback: personal, or any available agent; a team is the ERP manual's
 * middle ground).
 */
public enum CallbackFallback {
    /** To an agent of the owner's teams (any agent when the owner is in no team). */
    TEAM,
    /** To any agent of the campaign: it becomes a campaign callback. */
    ANY
}
