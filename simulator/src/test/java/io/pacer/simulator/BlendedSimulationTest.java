package io.pacer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Blending in the simulator: callers take agents and predictive stays under its cap. */
class BlendedSimulationTest {

    private static Scenario blended(String shift) throws IOException {
        String yaml = Files.readString(Path.of("../scenarios/blended.yaml")).replace("shift: 8h", "shift: " + shift);
        return ScenarioParser.parse(new StringReader(yaml));
    }

    @Test
    void callersTakeAgentsAndPredictiveStaysUnderItsCap() throws IOException {
        Scenario scenario = blended("2h");
        assertEquals(120, scenario.inbound().perHour());
        assertEquals(1, scenario.inbound().reservedAgents());
        RunResult r = new Simulation(scenario, 1, PolicyChoice.PREDICTIVE).run();
        assertEquals(0, r.violations(), r.firstViolation());
        assertTrue(r.inboundOffered() > 180, "about 240 callers in two hours: " + r.inboundOffered());
        assertTrue(r.inboundAnswered() > r.inboundOffered() * 0.8, "most callers reach an agent: " + r);
        assertEquals(r.inboundOffered(), r.inboundAnswered() + r.inboundMissed(), "every caller answered or missed");
        assertTrue(r.abandonRate() <= scenario.abandonTarget(), "predictive under its cap: " + r.abandonRate());
        assertTrue(r.occupancy() > 0.8, "callers and dials keep agents busy: " + r.occupancy());
    }

    @Test
    void inboundKeysAreCheckedNamingTheKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(new StringReader(
                Files.readString(Path.of("../scenarios/blended.yaml")).replace("inbound_max_wait: 60s", "inbound_max_wait: 1s"))));
        assertTrue(e.getMessage().contains("inbound_max_wait"), e.getMessage());
        ScenarioException alone = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(new StringReader(
                Files.readString(Path.of("../scenarios/blended.yaml")).replace("inbound_per_hour: 120\n", ""))));
        assertTrue(alone.getMessage().contains("needs inbound_per_hour"), alone.getMessage());
    }
}
