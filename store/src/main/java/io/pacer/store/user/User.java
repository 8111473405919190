package io.pacer.store.user;

/**
 * A person who uses Pacer; agents are users whose id is the engine's agent id. Carries no token: only a hash
 * of it is stored, and the token itself is shown once, in {@link IssuedToken}.
 *
 * @param id       id (the engine's agent id for agents)
 * @param name     unique login name
 * @param role     what the user may do
 * @param disabled whether the user is barred from the API (its token is refused) while its history is kept
 */
public record User(long id, String name, Role role, boolean disabled) {
}
