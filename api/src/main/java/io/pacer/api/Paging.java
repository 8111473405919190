package io.pacer.api;

import io.pacer.store.error.InvalidFieldException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Paging of every collection: {@code ?limit=} (1..1000) and an opaque {@code ?cursor=} taken from the previous page.
 * The body stays what it was (an array, or the object that holds the list), so clients written before paging keep
 * working; a page says what follows in headers: {@code X-Next-Cursor} (absent on the last page), {@code Link} with
 * {@code rel="next"}, and {@code X-Total-Count} where counting is cheap.
 *
 * <p>A cursor holds where the next page starts (the last id for lists in id order, a keyset that no insert or
 * delete can shift; an offset for the others) and a fingerprint of the query, so that a cursor is refused with
 * another filter rather than silently paging a different list.
 */
final class Paging {

    /** Largest page. */
    static final int MAX_LIMIT = 1000;

    /** Header carrying the next page's cursor. */
    static final String NEXT_CURSOR = "X-Next-Cursor";

    /** Header carrying how many items the whole list has. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private static final String VERSION = "p1";

    private Paging() {
    }

    /**
     * Where a page starts and how long it is.
     *
     * @param limit      at most this many items
     * @param position   where it starts: the id to continue after, or the offset; -1 from the start
     * @param fromCursor whether the position came from a cursor (else from the older {@code offset}, or none)
     */
    record Page(int limit, long position, boolean fromCursor) {
        /** The offset this page starts at (0 from the start). */
        int offset() {
            return (int) Math.max(position, 0);
        }
    }

    /** The page a request asks for: {@code limit} (else {@code defaultLimit}), {@code cursor} or the older {@code offset}. */
    static Page of(ApiRequest r, int defaultLimit) {
        return of(r, defaultLimit, MAX_LIMIT);
    }

    /** The page a request asks for, where a page may be up to {@code maxLimit} long. */
    static Page of(ApiRequest r, int defaultLimit, int maxLimit) {
        int limit = r.intParam("limit", defaultLimit, 1, maxLimit);
        String cursor = r.param("cursor", null);
        if (cursor == null) {
            return new Page(limit, r.param("offset", null) == null ? -1 : r.intParam("offset", 0, 0, Integer.MAX_VALUE), false);
        }
        if (r.param("offset", null) != null) {
            throw new InvalidFieldException("offset", "give either cursor or offset, not both");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", "not a cursor this API gave; start again without it");
        }
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[2].equals(fingerprint(r))) {
            throw new InvalidFieldException("cursor", "not a cursor of this list with these filters; start again without it");
        }
        try {
            return new Page(limit, Long.parseLong(parts[1]), true);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("cursor", "not a cursor this API gave; start again without it");
        }
    }

    /**
     * A page's answer: {@code body} with the paging headers; {@code next} is where the next page starts (-1: this is
     * the last), {@code total} how many the whole list has (-1: not counted).
     */
    static ApiResponse answer(ApiRequest r, Object body, long next, long total) {
        ApiResponse response = ApiResponse.ok(body);
        if (total >= 0) {
            response = response.withHeader(TOTAL_COUNT, Long.toString(total));
        }
        if (next < 0) {
            return response;
        }
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + ":" + next + ":" + fingerprint(r)).getBytes(StandardCharsets.UTF_8));
        StringBuilder link = new StringBuilder(r.path()).append("?cursor=").append(cursor);
        for (Map.Entry<String, List<String>> p : new TreeMap<>(r.query()).entrySet()) {
            if (!p.getKey().equals("cursor") && !p.getKey().equals("offset")) {
                for (String v : p.getValue()) {
                    link.append('&').append(encode(p.getKey())).append('=').append(encode(v));
                }
            }
        }
        return response.withHeader(NEXT_CURSOR, cursor).withHeader("Link", "<" + link + ">; rel=\"next\"");
    }

    /** A page of a list held whole in memory (short lists: campaigns, users, groups, ...), by offset. */
    static <T> ApiResponse slice(ApiRequest r, List<T> all, int defaultLimit, Function<List<T>, Object> body) {
        Page page = of(r, defaultLimit);
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return answer(r, body.apply(all.subList(from, to)), to < all.size() ? to : -1, all.size());
    }

    /** A page of a list held whole in memory, sent as the array itself. */
    static <T> ApiResponse slice(ApiRequest r, List<T> all) {
        return slice(r, all, MAX_LIMIT, items -> items);
    }

    /** What the query filters on: every parameter but those that only say which page. */
    private static String fingerprint(ApiRequest r) {
        StringBuilder filters = new StringBuilder(r.path());
        new TreeMap<>(r.query()).forEach((name, values) -> {
            if (!name.equals("cursor") && !name.equals("offset") && !name.equals("limit")) {
                filters.append('&').append(name).append('=').append(values);
            }
        });
        return Integer.toHexString(filters.toString().hashCode());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
