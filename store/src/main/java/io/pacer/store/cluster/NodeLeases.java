package io.pacer.store.cluster;

import java.util.List;

/**
 * One node sharing the database, as its heartbeats show it.
 *
 * @param nodeId            the node's engine id
 * @param startedMillis     when it first beat (epoch ms, database clock)
 * @param heartbeatMillis   its last heartbeat (epoch ms, database clock)
 * @param alive             whether its last heartbeat is within its lease time
 * @param campaignIds       the campaigns it holds under a lease that has not expired
 */
public record NodeLeases(String nodeId, long startedMillis, long heartbeatMillis, boolean alive, List<Long> campaignIds) {
}
