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
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Predictive pacing with answering machines in the world, with and without detection: the world knows who
 * answered, so a person dropped as a machine is counted as the abandoned call it is.
 */
class AmdSimulationTest {

    private static Scenario scenario(String amdKeys) {
        return ScenarioParser.parse(new StringReader(text(amdKeys)));
    }

    private static String text(String amdKeys) {
        return """
                name: machines
                shift: 2h
                seeds: 1
                agents: 12
                answer_probability: 0.35
                busy_probability: 0.05
                failure_probability: 0.1
                ring_time: {dist: lognormal, mean: 10s, sd: 6s}
                busy_time: {dist: uniform, min: 2s, max: 6s}
                failure_time: {dist: uniform, min: 1s, max: 4s}
                no_answer_timeout: 25s
                talk_time: {dist: lognormal, mean: 100s, sd: 80s}
                wrap_time: {dist: lognormal, mean: 15s, sd: 8s}
                abandon_target: 0.03
                connect_limit: 5s
                machine_share: 0.4
                """ + amdKeys;
    }

    @Test
    void detectionKeepsMostMachinesFromAgentsAndCountsThePeopleItDropsAsAbandoned() {
        RunResult off = new Simulation(scenario(""), 1, PolicyChoice.PREDICTIVE).run();
        RunResult on = new Simulation(scenario("""
                amd: true
                amd_false_positive: 0.05
                amd_false_negative: 0.1
                """), 1, PolicyChoice.PREDICTIVE).run();
        assertEquals(0, off.violations(), off.firstViolation());
        assertEquals(0, on.violations(), on.firstViolation());
        assertTrue(off.machineAnswers() > 200, "machines answered " + off.machineAnswers());
        assertEquals(off.machineAnswers(), off.machinesToAgents() + 0.0, off.machineAnswers() * 0.05,
                "without detection nearly every machine reaches an agent (some are abandoned)");
        assertEquals(0, off.amdFalsePositives());

        double missed = (double) on.machinesToAgents() / on.machineAnswers();
        assertTrue(missed < 0.2, "with detection only the missed machines reach agents: " + missed);
        double dropped = (double) on.amdFalsePositives() / on.answers();
        assertTrue(dropped > 0.02 && dropped < 0.09, "about 5 % of people are dropped as machines: " + dropped);
        assertTrue(on.abandons() >= on.amdFalsePositives(), "each one is an abandoned call");
        assertTrue(on.connectsPerAgentHour() > off.connectsPerAgentHour(), "agents spend no time on caught machines: "
                + on.connectsPerAgentHour() + " vs " + off.connectsPerAgentHour());
    }

    @Test
    void aVerdictSlowerThanTheConnectLimitLeavesTheCallToAgentsInTime() {
        RunResult r = new Simulation(scenario("""
                amd: true
                amd_human_delay: {dist: constant, value: 7s}
                amd_machine_delay: {dist: constant, value: 7s}
                """), 2, PolicyChoice.PREDICTIVE).run();
        // The engine decides NOTSURE at the 5 s connect limit: everyone goes to agents, nobody waits past it.
        assertEquals(0, r.violations(), r.firstViolation());
        assertEquals(0, r.amdFalsePositives());
        assertTrue(r.machinesToAgents() > 0.8 * r.machineAnswers(), r.machinesToAgents() + " of " + r.machineAnswers());
    }

    @Test
    void theMachinesStressScenarioRunsWithDetectionOn() throws Exception {
        Scenario s = ScenarioParser.parse(java.nio.file.Path.of("..", "scenarios", "stress", "machines.yaml"));
        assertTrue(s.amd().enabled());
        assertEquals(0.4, s.amd().machineShare());
        RunResult r = new Simulation(s, 1, PolicyChoice.PREDICTIVE).run();
        assertEquals(0, r.violations(), r.firstViolation());
        assertTrue(r.machineAnswers() > 0 && r.answers() > 0);
    }

    @Test
    void aBadAmdKeyIsRefusedNamingIt() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> scenario("amd: yes please\n"));
        assertTrue(e.getMessage().contains("amd"), e.getMessage());
        ScenarioException share = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(
                new StringReader(text("").replace("machine_share: 0.4", "machine_share: 2"))));
        assertTrue(share.getMessage().contains("machine_share"), share.getMessage());
        ScenarioException delay = assertThrows(ScenarioException.class,
                () -> scenario("amd_human_delay: {dist: gaussian}\n"));
        assertTrue(delay.getMessage().contains("amd_human_delay"), delay.getMessage());
    }
}
