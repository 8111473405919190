package io.pacer.store.user;

/**
 * A person who uses Pacer; agents are users whose id is the engine's agent id.
 *
 * @param id    id (the engine's agent id for agents)
 * @param name  unique login name
 * @param role  what the user may do
 * @param token bearer token of the API
 */
public record User(long id, String name, Role role, String token) {
}
