package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's agent rules over HTTP, on both databases: the automatic outcome at the wrap-up limit and the
 * personal-callback grace and fallback are stored and read back (their defaults when left out), and a rule that is
 * wrong is refused with 400 naming it, changing nothing.
 */
class AgentRulesApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void theAutomaticOutcomeAndTheCallbackGraceAreStoredAndAWrongOneIsRefusedNamingTheField(Supplier<Database> db)
            throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            String rules = "/api/v1/campaigns/" + id + "/agent-rules";
            JsonNode defaults = api.get(rules, api.adminToken).json();
            assertEquals(900_000, defaults.get("callbackGraceMillis").asLong(), "15 minutes unless set");
            assertEquals("ANY", defaults.get("callbackFallback").asText());
            assertTrue(defaults.get("wrapUpOutcome").isNull());

            String wanted = "{\"wrapUpLimitMillis\":30000,\"wrapUpOutcome\":\"NO_INTEREST\",\"callbackGraceMillis\":60000,"
                    + "\"callbackFallback\":\"TEAM\"}";
            ApiHarness.Reply put = api.request("PUT", rules, api.adminToken, "application/json", wanted);
            assertEquals(200, put.status(), put.text());
            JsonNode stored = api.get(rules, api.adminToken).json();
            assertEquals("NO_INTEREST", stored.get("wrapUpOutcome").asText());
            assertEquals(60_000, stored.get("callbackGraceMillis").asLong());
            assertEquals("TEAM", stored.get("callbackFallback").asText());

            for (String[] bad : new String[][] {
                {"{\"wrapUpLimitMillis\":30000,\"wrapUpOutcome\":\"CALL_AGAIN\"}", "wrapUpOutcome"},
                {"{\"wrapUpOutcome\":\"DONE\"}", "wrapUpOutcome"},
                {"{\"callbackGraceMillis\":-5}", "callbackGraceMillis"},
                {"{\"callbackFallback\":\"NOBODY\"}", "callbackFallback"}}) {
                ApiHarness.Reply refused = api.request("PUT", rules, api.adminToken, "application/json", bad[0]);
                assertEquals(400, refused.status(), bad[0] + " -> " + refused.text());
                assertTrue(refused.text().contains("\"" + bad[1] + "\""), "names " + bad[1] + ": " + refused.text());
            }
            assertEquals(stored, api.get(rules, api.adminToken).json(), "a refused change loses nothing");
        }
    }
}
