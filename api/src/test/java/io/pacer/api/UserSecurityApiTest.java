package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.user.TokenHash;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each security decision about users and tokens, through the API and in the database behind it. */
class UserSecurityApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void tokensAreShownOnceAndStoredOnlyAsHashes(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            String token = ann.get("token").asText();
            assertTrue(token.matches("[0-9a-f]{64}"), "256 random bits: " + token);
            JsonNode users = api.get("/api/v1/users", api.adminToken).json();
            assertEquals(2, users.size());
            users.forEach(u -> assertNull(u.get("token"), "GET /users never returns a token: " + u));
            assertNull(api.get("/api/v1/users/" + ann.get("id"), api.adminToken).get("token"));
            List<String> stored = api.storage.db().read(c -> Jdbc.query(c, "SELECT token FROM users ORDER BY id", rs -> rs.getString(1)));
            assertEquals(List.of(TokenHash.of(api.adminToken), TokenHash.of(token)), stored, "only hashes at rest");
            assertFalse(stored.contains(token));
            assertEquals(200, api.get("/api/v1/calls", token).status(), "the token shown once works");
            assertEquals(401, api.get("/api/v1/calls", TokenHash.of(token)).status(), "the stored hash is no token");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void rotationReplacesATokenAndRevocationEndsIt(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            String old = ann.get("token").asText();
            String user = "/api/v1/users/" + ann.get("id");
            ApiHarness.Reply rotated = api.post(user + "/token", api.adminToken, "");
            assertEquals(200, rotated.status(), rotated.text());
            String fresh = rotated.get("token").asText();
            assertNotEquals(old, fresh);
            assertEquals(401, api.get("/api/v1/calls", old).status(), "the old token stops working at once");
            assertEquals(200, api.get("/api/v1/calls", fresh).status());
            assertEquals(204, api.delete(user + "/token", api.adminToken).status());
            assertEquals(401, api.get("/api/v1/calls", fresh).status(), "a revoked token works no more");
            String again = api.post(user + "/token", api.adminToken, "").get("token").asText();
            assertEquals(200, api.get("/api/v1/calls", again).status(), "rotation after revocation issues a working token");
            assertEquals(403, api.post("/api/v1/users/1/token", again, "").status(), "an agent may not rotate anyone's token");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void usersCanBeDisabledAndDeletedButTheLastAdministratorStays(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            String token = ann.get("token").asText();
            String user = "/api/v1/users/" + ann.get("id");
            ApiHarness.Reply disabled = api.patch(user, api.adminToken, "{\"disabled\":true}");
            assertEquals(200, disabled.status(), disabled.text());
            assertTrue(disabled.get("disabled").asBoolean());
            assertEquals(401, api.get("/api/v1/calls", token).status(), "a disabled user's token is refused");
            assertEquals(200, api.patch(user, api.adminToken, "{\"disabled\":false}").status());
            assertEquals(200, api.get("/api/v1/calls", token).status(), "enabled again, the same token works");

            long group = api.post("/api/v1/groups", api.adminToken, "{\"name\":\"team\",\"members\":[" + ann.get("id") + "]}")
                    .get("id").asLong();
            assertEquals(List.of(ann.get("id").asLong()), members(api, group));
            assertEquals(204, api.delete(user, api.adminToken).status());
            assertEquals(404, api.get(user, api.adminToken).status());
            assertEquals(401, api.get("/api/v1/calls", token).status());
            assertEquals(List.of(), members(api, group), "a deleted user leaves its groups");

            assertEquals(409, api.patch("/api/v1/users/1", api.adminToken, "{\"disabled\":true}").status(),
                    "the last administrator cannot lock everyone out");
            assertEquals(409, api.delete("/api/v1/users/1", api.adminToken).status());
            assertEquals(200, api.get("/api/v1/users", api.adminToken).status());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aUserWhoOwnsOpenCallbacksIsDisabledNotDeleted(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            JsonNode ann = api.user("ann", "AGENT");
            long campaign = api.campaign("");
            api.storage.db().write(c -> Jdbc.update(c, "INSERT INTO callbacks(campaign_id, contact_id, owner_user_id, personal,"
                    + " due_millis, state, created_by) VALUES (?, 1, ?, 1, 0, 'OPEN', ?)", campaign, ann.get("id").asLong(),
                    ann.get("id").asLong()));
            String user = "/api/v1/users/" + ann.get("id");
            ApiHarness.Reply refused = api.delete(user, api.adminToken);
            assertEquals(409, refused.status(), "its callbacks would be owned by no one");
            assertEquals("userId", refused.get("errors").get(0).get("field").asText());
            assertEquals(200, api.get(user, api.adminToken).status(), "still there");
            assertEquals(200, api.patch(user, api.adminToken, "{\"disabled\":true}").status());
        }
    }

    private static List<Long> members(ApiHarness api, long group) {
        for (JsonNode g : api.get("/api/v1/groups", api.adminToken).json()) {
            if (g.get("id").asLong() == group) {
                List<Long> out = new java.util.ArrayList<>();
                g.get("members").forEach(m -> out.add(m.asLong()));
                return out;
            }
        }
        throw new AssertionError("no group " + group);
    }
}
