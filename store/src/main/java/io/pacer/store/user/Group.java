package io.pacer.store.user;

import java.util.List;

/**
 * A named group of users: campaigns can name it as responsible, callbacks can be owned by it.
 *
 * @param id      id
 * @param name    unique name
 * @param members ids of its users
 */
public record Group(long id, String name, List<Long> members) {
}
