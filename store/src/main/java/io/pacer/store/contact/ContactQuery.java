package io.pacer.store.contact;

/**
 * A filter and order over a campaign's contacts.
 *
 * @param state       only this state, or {@code null}
 * @param minAttempts only contacts with at least this many attempts, or -1
 * @param dueBefore   only contacts due before this (epoch ms), or -1
 * @param fieldName   only contacts whose free field has {@code fieldValue}, or {@code null}
 * @param fieldValue  the value for {@code fieldName}
 * @param sort        {@code id}, {@code attempts}, {@code nextDue}, {@code state}, {@code name} or {@code field.<name>}
 * @param descending  reverse order
 * @param limit       at most this many (1..1000)
 * @param offset      skip this many
 */
public record ContactQuery(ContactState state, int minAttempts, long dueBefore, String fieldName, String fieldValue,
        String sort, boolean descending, int limit, int offset) {
}
