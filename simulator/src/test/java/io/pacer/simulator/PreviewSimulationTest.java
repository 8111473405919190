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
import io.pacer.simulator.world.PreviewFigures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Preview in the simulator: the real engine's preview desk offers each contact, simulated agents answer or let the
 * offer run out, and the world sees the engine's timeout when it happens.
 */
class PreviewSimulationTest {

    private static Scenario parse(String yaml) {
        return ScenarioParser.parse(new StringReader(yaml));
    }

    private static String previewYaml(String shift) throws IOException {
        return Files.readString(Path.of("../scenarios/preview.yaml")).replace("shift: 8h", "shift: " + shift);
    }

    /** Four agents for an hour who never answer an offer: only the engine's 30 s timeout takes each back. */
    private static final String AWAY = SimulationTest.TEAM_YAML.replace("shift: 2h", "shift: 1h")
            .replace("agents: [{at: 0h, value: 12}, {at: 1h, value: 7}, {at: 1h30m, value: 12}]", "agents: 4")
            .replace("answer_probability: [{at: 0h, value: 0.3}, {at: 1h, value: 0.15}]", "answer_probability: 0.3")
            + "preview_undecided: 1\npreview_timeout: 30s\n";

    @Test
    void offersNobodyAnswersAreTakenBackAtExactlyTheTimeoutAndNothingIsDialled() {
        for (PolicyChoice mode : new PolicyChoice[] {PolicyChoice.PREVIEW, PolicyChoice.PUSH_PREVIEW}) {
            RunResult r = new Simulation(parse(AWAY), 1, mode).run();
            PreviewFigures p = r.preview();
            assertEquals(0, r.violations(), mode + ": " + r.firstViolation());
            // Each agent's offers time out at 30 s, 60 s, ... 3600 s; the one made at 3600 s is open at the end.
            assertEquals(4 * 120, p.timeouts(), mode + ": " + p);
            assertEquals(4, p.openAtEnd(), mode + ": " + p);
            assertEquals(p.timeouts() + p.openAtEnd(), p.offers(), mode + ": every offer timed out or is open");
            assertEquals(30.0, p.timeoutMinSeconds(), 1e-9, mode + ": no offer taken back before the timeout");
            assertEquals(30.0, p.timeoutMaxSeconds(), 1e-9, mode + ": none left open past it");
            assertEquals(0, r.dials(), mode + ": an offer that times out is not dialled");
            assertEquals(0, p.accepts() + p.skips() + p.callLaters() + p.doNotCalls());
            assertEquals(1.0, p.previewShare(), 1e-9, mode + ": the agents did nothing but look at offers");
        }
    }

    @Test
    void anAgentWhoMissesTheCampaignsNumberOfOffersIsPausedByTheEngineAndComesBack() {
        Scenario scenario = parse(AWAY + "preview_max_missed: 3\npreview_pause_time: {dist: constant, value: 60s}\n");
        for (PolicyChoice mode : new PolicyChoice[] {PolicyChoice.PREVIEW, PolicyChoice.PUSH_PREVIEW}) {
            RunResult r = new Simulation(scenario, 1, mode).run();
            PreviewFigures p = r.preview();
            assertEquals(0, r.violations(), mode + ": " + r.firstViolation());
            // Per agent, 150 s cycles: offers time out at 30, 60 and 90 s, the engine pauses it, it is back at 150 s.
            assertEquals(4 * 24, p.pauses(), mode + ": " + p);
            assertEquals(4 * 24 * 3, p.timeouts(), mode + ": " + p);
            assertEquals(p.timeouts() + p.openAtEnd(), p.offers(), mode + ": " + p);
            assertEquals(0.4, p.pausedShare(), 1e-9, mode + ": 60 s paused in every 150 s: " + p);
            assertEquals(0.6, p.previewShare(), 1e-9, mode + ": " + p);
        }
    }

    @Test
    void agentsAnswerInTheScenariosSharesAndEveryOfferEndsOneWay() throws IOException {
        Scenario scenario = parse(previewYaml("2h"));
        assertEquals(45_000_000_000L, scenario.preview().timeoutNanos());
        for (PolicyChoice mode : new PolicyChoice[] {PolicyChoice.PREVIEW, PolicyChoice.PUSH_PREVIEW}) {
            RunResult r = new Simulation(scenario, 1, mode).run();
            PreviewFigures p = r.preview();
            assertEquals(0, r.violations(), mode + ": " + r.firstViolation());
            assertEquals(p.offers(), p.accepts() + p.skips() + p.callLaters() + p.doNotCalls() + p.timeouts()
                    + p.openAtEnd(), mode + ": " + p);
            assertEquals(p.accepts(), r.dials(), mode + ": each accepted offer is dialled once, nothing else is");
            assertEquals(0.10, (double) p.skips() / p.offers(), 0.03, mode + " skips: " + p);
            assertTrue(p.timeouts() >= p.offers() * 0.03, mode + ": the 5% never answered time out: " + p);
            assertTrue(p.lateAnswers() > 0 && p.timeouts() >= p.lateAnswers(),
                    mode + ": answers drawn past 45 s found their offer gone: " + p);
            assertEquals(45.0, p.timeoutMinSeconds(), 1e-9, mode + ": " + p);
            assertEquals(45.0, p.timeoutMaxSeconds(), 1e-9, mode + ": " + p);
            assertTrue(p.decisionMeanSeconds() > 8 && p.decisionMeanSeconds() < 15, mode + ": " + p);
            assertTrue(p.busyShare() > r.occupancy() + p.previewShare() - 1e-9 && p.busyShare() <= 1.0, mode + ": " + p);
            assertEquals(0, r.abandons(), mode + ": a preview call always has its agent");
        }
    }

    @Test
    void withoutATimeoutNoOfferIsTakenBack() throws IOException {
        Scenario scenario = parse(previewYaml("1h").replace("preview_undecided: 0.05\n", "")
                .replace("preview_timeout: 45s\n", "").replace("preview_max_missed: 3\n", "")
                .replace("preview_pause_time: {dist: lognormal, mean: 5m, sd: 3m}\n", ""));
        assertEquals(0, scenario.preview().timeoutNanos());
        RunResult r = new Simulation(scenario, 1, PolicyChoice.PREVIEW).run();
        assertEquals(0, r.violations(), r.firstViolation());
        assertEquals(0, r.preview().timeouts());
        assertEquals(0, r.preview().lateAnswers(), "every drawn answer finds its offer open");
        assertTrue(r.preview().accepts() > 100, r.preview().toString());
    }

    @Test
    void previewKeysAreCheckedNamingTheKey() throws IOException {
        String yaml = previewYaml("8h");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(yaml.replace("preview_timeout: 45s\n", "").replace("preview_max_missed: 3\n", "")
                        .replace("preview_pause_time: {dist: lognormal, mean: 5m, sd: 3m}\n", "")));
        assertTrue(e.getMessage().startsWith("preview_undecided") && e.getMessage().contains("needs a preview_timeout"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(yaml.replace("preview_timeout: 45s", "preview_timeout: 2s")));
        assertTrue(e.getMessage().startsWith("preview_timeout"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(yaml.replace("preview_skip: 0.10", "preview_skip: 0.95")));
        assertTrue(e.getMessage().contains("exceed 1"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(yaml.replace("preview_skip: 0.10", "preview_skip: 1.5")));
        assertTrue(e.getMessage().startsWith("preview_skip"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> parse(yaml.replace("preview_pause_time: {dist: lognormal, mean: 5m, sd: 3m}\n", "")));
        assertTrue(e.getMessage().startsWith("preview_pause_time: missing"), e.getMessage());
    }
}
