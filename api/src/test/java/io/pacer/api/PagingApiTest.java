package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.db.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every collection pages with limit and an opaque cursor; the body stays the array (or object) it was. */
class PagingApiTest {

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("+1202456").append(String.format("%04d", i)).append(",Person ").append(i).append('\n');
        }
        return csv.toString();
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void cursorWalksEveryContactOnceEvenWhenOneIsDeletedMidWalk(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            assertEquals(201, api.importCsv(id, "APPEND", csv(25), "").status());
            String base = "/api/v1/campaigns/" + id + "/contacts";

            ApiHarness.Reply first = api.get(base + "?limit=10", api.adminToken);
            assertEquals(10, first.json().size());
            assertEquals("25", first.header("X-Total-Count"));
            String cursor = first.header("X-Next-Cursor");
            assertNotNull(cursor);
            assertTrue(first.header("Link").contains("cursor=" + cursor) && first.header("Link").endsWith("rel=\"next\""),
                    first.header("Link"));
            Set<Long> seen = new HashSet<>();
            first.json().forEach(c -> seen.add(c.get("id").asLong()));
            // A contact of the first page goes away: a keyset cursor shifts nothing, an offset would skip one.
            assertEquals(204, api.delete(base + "/" + first.json().get(0).get("id").asLong(), api.adminToken).status());

            List<Integer> sizes = new ArrayList<>();
            while (cursor != null) {
                ApiHarness.Reply page = api.get(base + "?limit=10&cursor=" + cursor, api.adminToken);
                assertEquals(200, page.status(), page.text());
                sizes.add(page.json().size());
                page.json().forEach(c -> assertTrue(seen.add(c.get("id").asLong()), "seen twice: " + c));
                cursor = page.header("X-Next-Cursor");
            }
            assertEquals(List.of(10, 5), sizes);
            assertEquals(25, seen.size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void cursorOfOneQueryIsRefusedForAnotherAndGarbageIsRefused(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", csv(3), "");
            String base = "/api/v1/campaigns/" + id + "/contacts";
            String cursor = api.get(base + "?limit=1", api.adminToken).header("X-Next-Cursor");
            ApiHarness.Reply other = api.get(base + "?limit=1&state=READY&cursor=" + cursor, api.adminToken);
            assertEquals(400, other.status());
            assertEquals("cursor", other.get("errors").get(0).get("field").asText());
            assertEquals(400, api.get(base + "?cursor=not-a-cursor", api.adminToken).status());
            assertEquals("offset", api.get(base + "?offset=1&cursor=" + cursor, api.adminToken).get("errors").get(0).get("field").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void shortListsPageTooWithTotalsAndOtherOrdersPageByOffset(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            for (int i = 0; i < 3; i++) {
                api.campaign("");
            }
            ApiHarness.Reply first = api.get("/api/v1/campaigns?limit=2", api.adminToken);
            assertEquals(2, first.json().size());
            assertEquals("3", first.header("X-Total-Count"));
            ApiHarness.Reply last = api.get("/api/v1/campaigns?limit=2&cursor=" + first.header("X-Next-Cursor"), api.adminToken);
            assertEquals(1, last.json().size());
            assertNull(last.header("X-Next-Cursor"), "the last page has no next cursor");
            assertTrue(last.json().get(0).get("id").asLong() > first.json().get(1).get("id").asLong());

            long id = api.campaign("");
            api.importCsv(id, "APPEND", csv(5), "");
            List<String> names = new ArrayList<>();
            String cursor = "";
            do {
                ApiHarness.Reply page = api.get("/api/v1/campaigns/" + id + "/contacts?sort=name&order=desc&limit=2" + cursor,
                        api.adminToken);
                page.json().forEach(c -> names.add(c.get("name").asText()));
                cursor = page.header("X-Next-Cursor") == null ? null : "&cursor=" + page.header("X-Next-Cursor");
            } while (cursor != null);
            assertEquals(List.of("Person 4", "Person 3", "Person 2", "Person 1", "Person 0"), names);

            JsonNode all = api.get("/api/v1/campaigns", api.adminToken).json();
            assertEquals(4, all.size(), "without limit the whole short list comes, as before paging");
        }
    }
}
