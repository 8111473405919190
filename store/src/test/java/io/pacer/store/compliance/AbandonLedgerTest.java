package io.pacer.store.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.campaign.CampaignRuntime;
import io.pacer.engine.campaign.Regime;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.Clock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.Compliance;
import io.pacer.store.db.Database;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers and abandons are stored per campaign in buckets and rebuild the budget over the window after a restart. */
class AbandonLedgerTest {
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long T0 = 1_780_000_000_000L;

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRestartMidWindowRebuildsTheBudgetFromTheStoredBuckets(String[] db) {
        long[] wall = {T0 - 30 * HOUR_MILLIS};
        Clock clock = new Clock() {
            @Override
            public long nowNanos() {
                return wall[0] * 1_000_000L;
            }

            @Override
            public long epochMillis() {
                return wall[0];
            }
        };
        long id;
        try (Storage setUp = Storage.open(db[0], db[1], null, "engine-1", clock)) {
            id = setUp.campaigns().create(ofcomCampaign(), wall[0]).id();
        }
        // The first run's core writes through the ledger (to no journal: these calls have no contacts).
        try (Database database = Database.open(db[0], db[1], null);
             AbandonLedger before = new AbandonLedger(database, clock, CallJournal.NONE)) {
            record(before, id, CallOutcome.CONNECTED, 400);
            record(before, id, CallOutcome.ABANDONED, 100);
            before.flush();
            wall[0] = T0 - 3 * HOUR_MILLIS;
            record(before, id, CallOutcome.CONNECTED, 1000);
            record(before, id, CallOutcome.ABANDONED, 40);
            record(before, id, CallOutcome.CUSTOMER_HUNG_UP, 20);
            record(before, id, CallOutcome.NO_ANSWER, 300);
            record(before, id, CallOutcome.MACHINE, 50);
            before.flush();
            wall[0] = T0 - 60_000;
            record(before, id, CallOutcome.CONNECTED, 10);
            // Not flushed yet: closing the ledger (an orderly stop) writes it.
        }
        wall[0] = T0;
        try (Storage after = Storage.open(db[0], db[1], null, "engine-1", clock)) {
            CampaignConfig config = after.engineConfig(after.campaigns().get(id));
            assertEquals(24 * HOUR_MILLIS, config.abandonHistory().windowMillis(), "Ofcom measures over 24 h");
            assertEquals(1070, config.abandonHistory().totalAnswers(), "yesterday's 500 answers left the window");
            assertEquals(60, config.abandonHistory().totalAbandons(), "hung up waiting counts as abandoned");
            CampaignRuntime restarted = new CampaignRuntime(config, 1_000_000_000L, T0);
            assertEquals(1070, restarted.budget().answers());
            assertEquals(60, restarted.budget().abandons());
            long[] lastDay = after.abandons().totals(id, T0 - 48 * HOUR_MILLIS, T0);
            assertEquals(1570, lastDay[0]);
            assertEquals(160, lastDay[1]);
        }
    }

    private static void record(AbandonLedger ledger, long campaignId, CallOutcome outcome, int count) {
        CallRecord r = new CallRecord();
        for (int i = 0; i < count; i++) {
            r.campaignId = (int) campaignId;
            r.callId = i;
            r.contactId = -1;
            r.outcome = outcome;
            ledger.record(r);
        }
    }

    private static Campaign ofcomCampaign() {
        return new Campaign(0, "Spring", "", CampaignStatus.DISABLED, false, null, "Europe/London", DialMode.PREDICTIVE,
                1, 0, 0.03, 25_000, 1_750, 20, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT, true, "GB", List.of(),
                Map.of(), List.of(), List.of(), Compliance.defaultsOf(Regime.OFCOM));
    }
}
