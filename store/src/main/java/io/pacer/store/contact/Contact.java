package io.pacer.store.contact;

import java.util.Map;

/**
 * One entry of a campaign's list.
 *
 * @param id            id
 * @param campaignId    campaign
 * @param phone         E.164 number
 * @param name          shown to the agent
 * @param fields        free fields shown to the agent (column name to value)
 * @param timeZone      the contact's time zone (calling window)
 * @param state         where it is in the list
 * @param closedReason  why it left the list, or {@code null}
 * @param attempts      calls made to it
 * @param nextDueMillis when it is due next (epoch ms)
 * @param ownerAgentId  agent a personal callback belongs to, or -1
 * @param updatedMillis when it was last added or changed (epoch ms, the database's clock), for incremental sync
 */
public record Contact(long id, long campaignId, String phone, String name, Map<String, String> fields, String timeZone,
        ContactState state, String closedReason, int attempts, long nextDueMillis, long ownerAgentId,
        long updatedMillis) {
}
