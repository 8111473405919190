package io.pacer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.ListModel;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import io.pacer.simulator.world.ChainedContacts;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's lists and numbers: weights share the dials, chains and treatments move contacts on. */
class ListsSimulationTest {

    @Test
    void aShiftWithListsNumbersAndTreatmentsKeepsTheInvariantsAndSharesDialsByWeight() throws IOException {
        Scenario scenario = ScenarioParser.parse(Path.of("../scenarios/stress/lists.yaml"));
        assertEquals(3, scenario.lists().numbersPerContact());
        Simulation simulation = new Simulation(scenario, 1, PolicyChoice.PREDICTIVE);
        RunResult r = simulation.run();
        assertEquals(0, r.violations(), r.firstViolation());
        ChainedContacts lists = simulation.lists();
        long[] dials = lists.dialsPerList();
        double warmShare = (double) dials[0] / (dials[0] + dials[1]);
        assertEquals(0.75, warmShare, 0.01, "warm has weight 3 of 4: " + java.util.Arrays.toString(dials));
        assertTrue(lists.laterNumberDials() > r.dials() / 20, "contacts' later numbers were dialled: " + lists.laterNumberDials());
    }

    @Test
    void busyOnTheFirstNumberMovesToTheSecondAtOnceAndTreatmentsRedialAfterTheirDelay() {
        ChainedContacts chain = new ChainedContacts(new ListModel(2, List.of(), Map.of()));
        ContactSlot slot = new ContactSlot();
        chain.next(1, 0, slot);
        String first = slot.number;
        chain.record(record(slot, CallOutcome.BUSY, 0));
        chain.next(1, 1_000, slot);
        assertEquals(first.substring(0, first.length() - 1) + "1", slot.number, "the second number next, at once");
        chain.record(record(slot, CallOutcome.NO_ANSWER, 1_000));
        chain.next(1, 2_000, slot);
        assertEquals(2, slot.contactId >>> 8, "both numbers tried: the contact waits 30 minutes, a new contact comes next");
        chain.next(1, 1_000 + 1_800_000, slot);
        assertEquals(1, slot.contactId >>> 8, "after the retry delay the first contact again");
        assertEquals(first, slot.number, "at its first number");

        ChainedContacts treated = new ChainedContacts(new ListModel(1, List.of(), Map.of("BUSY",
                List.of(new ListModel.Step("REDIAL", 300_000_000_000L)))));
        treated.next(1, 0, slot);
        long contact = slot.contactId >>> 8;
        treated.record(record(slot, CallOutcome.BUSY, 0));
        treated.next(1, 299_000, slot);
        assertTrue(slot.contactId >>> 8 != contact, "not before its 5 minutes");
        treated.next(1, 301_000, slot);
        assertEquals(contact, slot.contactId >>> 8, "redialled after 5 minutes");
        treated.record(record(slot, CallOutcome.BUSY, 301_000));
        assertEquals(1, treated.exhausted(), "the steps ran out");
    }

    @Test
    void badListKeysAreNamed() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(new StringReader(
                SimulationTest.TEAM_YAML + "treatments: {BUSY: [{action: WAIT, delay: 5m}]}\n")));
        assertTrue(e.getMessage().contains("treatments.BUSY[0].action"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(new StringReader(
                SimulationTest.TEAM_YAML + "lists: [{name: a, weight: 0}]\n")));
        assertTrue(e.getMessage().contains("lists[0].weight"), e.getMessage());
    }

    private static CallRecord record(ContactSlot slot, CallOutcome outcome, long startMillis) {
        CallRecord r = new CallRecord();
        r.contactId = slot.contactId;
        r.number = slot.number;
        r.outcome = outcome;
        r.startEpochMillis = startMillis;
        r.dialNanos = 0;
        r.endNanos = 0;
        return r;
    }
}
