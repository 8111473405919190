package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;
import io.pacer.store.db.Database;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit a regulator is handed: the window's answers, abandons and rate, per day too, as JSON and CSV. */
class ComplianceAuditApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void reportsTheWindowAndEachDayFromTheStoredBuckets(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("\"regime\":\"ofcom\",\"timeZone\":\"Europe/London\"");
            api.importCsv(id, "APPEND", "phone,name\n+442079460001,A\n", "");
            assertEquals(200, api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "").status());
            long contact = api.takeFromHopper(id).contactId;
            CallRecord r = new CallRecord();
            for (int i = 0; i < 200; i++) {
                r.campaignId = (int) id;
                r.callId = i;
                r.contactId = contact;
                r.number = "+442079460001";
                r.outcome = i < 190 ? CallOutcome.CONNECTED : i < 197 ? CallOutcome.ABANDONED : CallOutcome.CUSTOMER_HUNG_UP;
                api.storage.callJournal().record(r);
            }
            assertTrue(api.storage.journal().flush(10_000));
            ApiHarness.Reply audit = api.get("/api/v1/campaigns/" + id + "/compliance", api.adminToken);
            assertEquals(200, audit.status(), audit.text());
            assertEquals("OFCOM", audit.get("regime").asText());
            assertEquals("ROLLING_24_HOURS", audit.get("window").asText());
            assertEquals(200, audit.get("answers").asLong());
            assertEquals(10, audit.get("abandons").asLong());
            assertEquals(0.05, audit.get("abandonRate").asDouble(), 1e-12);
            assertEquals(0.03 * 200 - 10, audit.get("abandonsLeft").asDouble(), 1e-9, "4 abandons over the cap");
            assertEquals(72 * 60, audit.get("lockoutMinutes").asLong());
            String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
            assertEquals(today, audit.get("days").get(0).get("date").asText());

            ApiHarness.Reply csv = api.get("/api/v1/campaigns/" + id + "/compliance?format=csv&days=7", api.adminToken);
            assertEquals(200, csv.status());
            assertTrue(csv.text().startsWith("date,answers,abandons,abandon_rate,refused_hours,refused_unknown_zone,"
                    + "refused_do_not_call,refused_lockout,refused_consent\n" + today + ",200,10,0.05000,"), csv.text());

            ApiHarness.Reply bad = api.get("/api/v1/campaigns/" + id + "/compliance?format=pdf", api.adminToken);
            assertEquals(400, bad.status());
            assertEquals("format", bad.get("error").get("field").asText());
        }
    }
}
