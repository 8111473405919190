package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.CallbackFallback;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.store.Storage;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrap-up limit's automatic outcome, through the real journal on both databases: recorded for the call (the
 * contact moves on by it) when the core reports the limit, never over an outcome the agent recorded in time, and
 * refused at configuration when it is unknown or one a person must decide.
 */
class AutomaticOutcomeTest {

    private static long answered(Storage storage, long campaignId, ContactSlot slot, long callId, long agentId) {
        CallRecord r = new CallRecord();
        r.callId = callId;
        r.campaignId = (int) campaignId;
        r.contactId = slot.contactId;
        r.number = slot.number;
        r.agentId = (int) agentId;
        r.outcome = CallOutcome.CONNECTED;
        r.startEpochMillis = System.currentTimeMillis();
        r.dialNanos = 0;
        r.answerNanos = 1_000_000;
        r.bridgeNanos = 1_000_000;
        r.endNanos = 5_000_000;
        storage.callJournal().record(r);
        return callId;
    }

    private static Object[] outcomeOf(Storage storage, long callId) {
        return storage.db().read(c -> Jdbc.one(c, """
                SELECT a.outcome, a.note, k.state FROM activities a JOIN contacts k ON k.id = a.contact_id
                WHERE a.call_id = ?""", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, callId)
                .orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void theCampaignsOutcomeIsRecordedAtTheLimitUnlessTheAgentRecordedOne(Supplier<Database> database) throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = AttemptChainTest.campaign(storage, "Auto", List.of()).id();
            storage.importer().importCsv(id, new java.io.StringReader("phone\n+4930100001\n+4930100002\n"), ',',
                    new io.pacer.store.contact.ColumnMapping(List.of("phone"), null, List.of(), null),
                    io.pacer.store.contact.ImportMode.APPEND, "test", System.currentTimeMillis());
            User agent = storage.users().create("ann", Role.AGENT, "t-ann");
            storage.campaignAgents().setRules(id, () -> new AgentRules(0, 0, 30_000, "NO_INTEREST", 0, CallbackFallback.ANY));
            storage.startCampaign(id);
            ContactSlot first = AttemptChainTest.awaitNext(storage, id);
            long expired = answered(storage, id, first, 11, agent.id());
            storage.callJournal().wrapUpExpired(expired, id, (int) agent.id());
            assertTrue(storage.journal().flush(10_000));
            assertEquals(List.of("NO_INTEREST", AutomaticOutcome.NOTE, "CLOSED"), List.of(outcomeOf(storage, expired)));

            ContactSlot second = AttemptChainTest.awaitNext(storage, id);
            long saved = answered(storage, id, second, 12, agent.id());
            assertTrue(storage.journal().flush(10_000));
            storage.outcomes().record(agent, saved, "NOT_REACHABLE", "said call next week", null, System.currentTimeMillis());
            storage.callJournal().wrapUpExpired(saved, id, (int) agent.id());
            assertTrue(storage.journal().flush(10_000));
            assertEquals("NOT_REACHABLE", outcomeOf(storage, saved)[0], "the agent's own outcome stands");
            assertEquals("said call next week", outcomeOf(storage, saved)[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void anUnknownOutcomeOrOneAPersonMustDecideIsRefusedNamingTheFieldAndNothingChanges(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = AttemptChainTest.campaign(storage, "Refused", List.of()).id();
            AgentRules before = storage.campaignAgents().setRules(id, () -> new AgentRules(0, 0, 30_000, "DONE", 60_000,
                    CallbackFallback.TEAM));
            for (String outcome : List.of("CALL_AGAIN", "DO_NOT_CALL", "Nonsense")) {
                InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> storage.campaignAgents()
                        .setRules(id, () -> new AgentRules(0, 0, 30_000, outcome, 0, null)));
                assertEquals("wrapUpOutcome", e.field());
            }
            assertEquals(before, storage.campaignAgents().rules(id));
        }
    }
}
