package io.pacer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.simulator.scenario.Durations;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    static final String VALID = """
            name: t
            shift: 2h30m
            seeds: 3
            agents: [{at: 0h, value: 4}, {at: 1h, value: 2}]
            answer_probability: 0.3
            busy_probability: 0.1
            failure_probability: 0.1
            ring_time: {dist: lognormal, mean: 9s, sd: 5s}
            busy_time: {dist: uniform, min: 2s, max: 6s}
            failure_time: {dist: constant, value: 1.5s}
            no_answer_timeout: 25s
            talk_time: {dist: exponential, mean: 90s}
            wrap_time: {dist: lognormal, mean: 15s, sd: 8s}
            abandon_target: 0.03
            connect_limit: 2s
            """;

    static Scenario parse(String yaml) {
        return ScenarioParser.parse(new StringReader(yaml));
    }

    static String messageOf(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsEveryKey() {
        Scenario s = parse(VALID);
        assertEquals("t", s.name());
        assertEquals(9_000_000_000_000L, s.shiftNanos());
        assertEquals(3, s.seeds());
        assertEquals(4, s.agents().valueAt(0));
        assertEquals(2, s.agents().valueAt(3_600_000_000_000L));
        assertEquals(0.3, s.answerProbability().valueAt(0));
        assertEquals(1_500_000_000L, s.failureTime().sampleNanos(0.3, 0.4));
        assertEquals(90e9, s.talkTime().meanNanos(), 1);
        assertEquals(2_000_000_000L, s.connectLimitNanos());
    }

    @Test
    void readsEveryShippedScenario() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("..", "scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertTrue(files.size() >= 6);
        for (Path f : files) {
            assertTrue(ScenarioParser.parse(f).seeds() > 0, f.toString());
        }
    }

    @Test
    void rejectsAnUnknownKeyByName() {
        assertTrue(messageOf(VALID + "agnets: 5\n").startsWith("agnets: unknown key"));
    }

    @Test
    void rejectsAMissingKeyByName() {
        assertEquals("talk_time: missing", messageOf(VALID.replaceAll("talk_time:.*\n", "")));
    }

    @Test
    void rejectsMalformedValuesNamingThem() {
        assertTrue(messageOf(VALID.replace("shift: 2h30m", "shift: two hours")).startsWith("shift: expected a duration"));
        assertTrue(messageOf(VALID.replace("busy_probability: 0.1", "busy_probability: 1.5")).startsWith("busy_probability:"));
        assertTrue(messageOf(VALID.replace("dist: exponential", "dist: gamma")).startsWith("talk_time.dist: unknown distribution"));
        assertTrue(messageOf(VALID.replace("mean: 90s}", "mean: 90s, sd: 3s}")).startsWith("talk_time.sd: unknown key"));
        assertTrue(messageOf(VALID.replace("no_answer_timeout: 25s", "no_answer_timeout: 10s")).contains("at least 15s"));
        assertTrue(messageOf(VALID.replace("{at: 1h, value: 2}", "{at: 1h, value: 2.5}")).startsWith("agents[1].value"));
        assertTrue(messageOf(VALID.replace("{at: 1h, value: 2}", "{at: 9h, value: 2}")).startsWith("agents[1].at"));
        assertTrue(messageOf(VALID.replace("answer_probability: 0.3", "answer_probability: 0.9")).contains("exceed 1"));
        assertTrue(messageOf("name: [unclosed\n").startsWith("file: not valid YAML"));
        assertTrue(messageOf("- just\n- a list\n").startsWith("file:"));
    }

    @Test
    void parsesDurationForms() {
        assertEquals(1_500_000_000L, Durations.parseNanos("k", "1.5s"));
        assertEquals(9_000_000_000_000L, Durations.parseNanos("k", "2h30m"));
        assertEquals(250_000_000L, Durations.parseNanos("k", "250ms"));
        assertThrows(ScenarioException.class, () -> Durations.parseNanos("k", "5 s"));
        assertThrows(ScenarioException.class, () -> Durations.parseNanos("k", 5));
    }
}
