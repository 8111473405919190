package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An abandoned contact is not redialled within the regime's lockout; other outcomes keep their retry delay. */
class RedialLockoutApiTest {
    private static final long HOUR_MILLIS = 3_600_000L;

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anAbandonedContactIsLockedOutFor72HoursUnderOfcomWhileANoAnswerRetriesAfterItsDelay(Supplier<Database> db)
            throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"regime\":\"ofcom\"");
            api.importCsv(id, "APPEND", "phone,name\n+442079460001,A\n+442079460002,B\n+442079460003,C\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            long before = System.currentTimeMillis();
            api.finishCall(id, api.takeFromHopper(id), -1, CallOutcome.ABANDONED);
            api.finishCall(id, api.takeFromHopper(id), -1, CallOutcome.CUSTOMER_HUNG_UP);
            ContactSlot noAnswer = api.takeFromHopper(id);
            api.finishCall(id, noAnswer, -1, CallOutcome.NO_ANSWER);
            int locked = 0;
            for (JsonNode c : api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json()) {
                long waitMillis = c.get("nextDueMillis").asLong() - before;
                if (c.get("id").asLong() == noAnswer.contactId) {
                    assertTrue(waitMillis >= 1_790_000 && waitMillis < 2 * HOUR_MILLIS, "no answer: the 30 min rule, " + waitMillis);
                } else {
                    assertTrue(waitMillis >= 72 * HOUR_MILLIS - 60_000, "abandoned: locked out 72 h, " + waitMillis);
                    locked++;
                }
            }
            assertEquals(2, locked, "abandoned and hung up waiting are both locked out");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aCustomLockoutIsTheCampaignsOwn(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"lockoutMinutes\":600");
            api.importCsv(id, "APPEND", "phone,name\n+442079460001,A\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            long before = System.currentTimeMillis();
            api.finishCall(id, api.takeFromHopper(id), -1, CallOutcome.ABANDONED);
            long waitMillis = api.get("/api/v1/campaigns/" + id + "/contacts", api.adminToken).json().get(0)
                    .get("nextDueMillis").asLong() - before;
            assertTrue(waitMillis >= 10 * HOUR_MILLIS - 60_000 && waitMillis < 11 * HOUR_MILLIS, "10 h: " + waitMillis);
        }
    }
}
