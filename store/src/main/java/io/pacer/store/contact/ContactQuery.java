package io.pacer.store.contact;

/**
 * A filter, order and page over a campaign's contacts.
 *
 * @param state              only this state, or {@code null}
 * @param minAttempts        only contacts with at least this many attempts, or -1
 * @param dueBefore          only contacts due before this (epoch ms), or -1
 * @param fieldName          only contacts whose free field has {@code fieldValue}, or {@code null}
 * @param fieldValue         the value for {@code fieldName}
 * @param sort               {@code id}, {@code attempts}, {@code nextDue}, {@code state}, {@code name} or {@code field.<name>}
 * @param descending         reverse order
 * @param limit              at most this many (1..1000)
 * @param offset             skip this many (for orders other than by id)
 * @param updatedSinceMillis only contacts added or changed at or after this (epoch ms), or -1
 * @param afterId            in order by id: only contacts after this id in that order (the page's keyset), or -1
 */
public record ContactQuery(ContactState state, int minAttempts, long dueBefore, String fieldName, String fieldValue,
        String sort, boolean descending, int limit, int offset, long updatedSinceMillis, long afterId) {

    /** One page of contacts: those found, whether more follow, and how many match in all. */
    public record Page(java.util.List<Contact> items, boolean more, long total) {
    }
}
