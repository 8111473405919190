package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run pacer(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path scenario(String extra) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                name: cli
                shift: 30m
                seeds: 2
                agents: 6
                answer_probability: 0.3
                busy_probability: 0.05
                failure_probability: 0.1
                ring_time: {dist: lognormal, mean: 9s, sd: 5s}
                busy_time: {dist: uniform, min: 2s, max: 6s}
                failure_time: {dist: uniform, min: 1s, max: 4s}
                no_answer_timeout: 25s
                talk_time: {dist: lognormal, mean: 90s, sd: 60s}
                wrap_time: {dist: constant, value: 10s}
                abandon_target: 0.03
                connect_limit: 2s
                """ + extra);
        return f;
    }

    @Test
    void helpListsTheCommands() {
        Run r = pacer("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("simulate FILE"), r.out());
    }

    @Test
    void jsonCarriesTheFiguresPerPolicy() throws IOException {
        Run r = pacer("simulate", scenario("").toString(), "--policy", "progressive,predictive", "--seeds", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"progressive\": {"), r.out());
        assertTrue(r.out().contains("\"predictive\": {"), r.out());
        assertTrue(r.out().contains("\"abandon_rate\": "), r.out());
        assertTrue(r.out().contains("\"violations\": 0"), r.out());
    }

    @Test
    void textReportHasOneRowPerPolicy() throws IOException {
        Run r = pacer("simulate", scenario("").toString(), "--policy", "all", "--seeds", "1");
        assertEquals(0, r.code(), r.err());
        for (String p : new String[] {"progressive", "power", "adaptive", "predictive"}) {
            assertTrue(r.out().contains("\n" + p + " "), p + " in " + r.out());
        }
    }

    @Test
    void badInputIsNamedAndExitsWithUsageCode() throws IOException {
        Run unknownKey = pacer("simulate", scenario("colour: blue\n").toString());
        assertEquals(2, unknownKey.code());
        assertTrue(unknownKey.err().contains("colour: unknown key"), unknownKey.err());
        Run badPolicy = pacer("simulate", scenario("").toString(), "--policy", "greedy");
        assertEquals(2, badPolicy.code());
        assertTrue(badPolicy.err().contains("unknown policy 'greedy'"), badPolicy.err());
        Run badSeeds = pacer("simulate", scenario("").toString(), "--seeds", "zero");
        assertEquals(2, badSeeds.code());
        assertTrue(badSeeds.err().contains("--seeds"), badSeeds.err());
        Run missing = pacer("simulate", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Run unknownCommand = pacer("dance");
        assertEquals(2, unknownCommand.code());
        assertTrue(unknownCommand.err().contains("unknown command 'dance'"));
    }
}
