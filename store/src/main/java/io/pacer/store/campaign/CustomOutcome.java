package io.pacer.store.campaign;

/**
 * A campaign's own outcome name with its result group, behaving as one of the base outcomes.
 *
 * @param id          id
 * @param campaignId  campaign it belongs to
 * @param name        what the agent picks
 * @param resultGroup the group reports and activity subjects show ({callresultgroup})
 * @param behaviour   what it does to the contact
 */
public record CustomOutcome(long id, long campaignId, String name, String resultGroup, AgentOutcome behaviour) {
}
