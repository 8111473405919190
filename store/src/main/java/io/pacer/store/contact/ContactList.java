package io.pacer.store.contact;

/**
 * One of a campaign's lists: its share of the dials and whether it is dialled at all (VICIdial's lists with
 * "active" and list mix ratios; Genesys' calling lists of a campaign with their weights). Contacts imported or
 * added without a list belong to the campaign's default list, which has weight 1 and is always active.
 *
 * @param id          id, 0 before it is stored
 * @param campaignId  campaign
 * @param name        unique within the campaign
 * @param weight      share of the dials relative to the other active lists' weights (1..1000)
 * @param active      whether its contacts are dialled
 * @param maxAttempts cap on attempts per contact of this list (with the campaign's), or -1 for none
 */
public record ContactList(long id, long campaignId, String name, int weight, boolean active, int maxAttempts) {
}
