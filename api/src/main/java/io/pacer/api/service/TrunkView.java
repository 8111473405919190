package io.pacer.api.service;

/**
 * One trunk now, as supervisors read it in {@code /stats} and {@code GET /api/v1/trunks}.
 *
 * @param name         the trunk's configured name
 * @param up           false while its OPTIONS probes find it down
 * @param backingOff   true while a carrier's Retry-After keeps new INVITEs off it
 * @param channelsFree channels it could take a call on now
 */
public record TrunkView(String name, boolean up, boolean backingOff, int channelsFree) {
}
