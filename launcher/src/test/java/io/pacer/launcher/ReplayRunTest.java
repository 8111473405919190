package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pacer replay run} end to end, short: a public scenario's world exported and played by plain SIPp (the
 * carrier) against a live Pacer (real SIP and RTP on 127.0.0.1, SQLite, the API) with virtual agents wrapping up
 * as drawn. The live run must keep the engine's invariants (no agent in two calls, every answered call bridged or
 * abandoned, every call ended once dialling stops) and its abandonment under the target, and report the same
 * figures as the simulator under the same names. Its scenario ({@code replay/e2e.yaml}) is small-team's floor with
 * a 10 s connect limit, 1 s at speed 10: a public scenario's 2 s would be 200 ms, shorter than one stall of a
 * loaded build machine, and one abandon in a 30-s window is far over any target (the comment in the file).
 */
class ReplayRunTest {
    @TempDir
    Path dir;

    @Test
    void aShortLiveReplayKeepsTheInvariantsAndAbandonmentUnderTargetAndReportsBothSides() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path folder = dir.resolve("replay");
        int code = ReplayCommand.run(new String[] {"run", "src/test/resources/replay/e2e.yaml", "--seed", "3",
                "--speed", "10", "--minutes", "0.5", "--json", "--keep", folder.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode simulated = report.get("simulated");
        JsonNode live = report.get("live");
        assertEquals(0, live.get("violations").asLong(), log);
        assertTrue(live.get("abandon_rate").asDouble() <= live.get("abandon_target").asDouble(), report.toString());
        assertTrue(live.get("dials").asLong() > 0 && live.get("answers").asLong() > 0, report.toString());
        assertTrue(live.get("connects").asLong() > 0, "answered customers reached the agents: " + report);
        assertTrue(live.get("occupancy").asDouble() > 0, report.toString());
        assertTrue(live.get("answer_to_bridge_p99_ms").asDouble() > 0, "bridges were measured at the wire: " + report);
        // The virtual agents only echo what reaches them, so forwarded packets are the customers' audio (SIPp's
        // play_pcap_audio) crossing the relay to the agent and back: at least a second of it per bridged call.
        JsonNode relay = report.get("rtp_relay");
        assertTrue(relay.get("forwarded").asLong() > 50 * live.get("connects").asLong(), report.toString());
        // The same fields on each side, under the names `pacer simulate --json` uses.
        assertEquals(names(simulated), names(live));
        assertEquals(names(simulated), names(report.get("difference")));
        for (String f : List.of("abandon_rate", "occupancy", "utilization", "agent_wait_mean",
                "connects_per_agent_hour", "dials", "answers", "abandons", "violations")) {
            assertTrue(live.has(f), f);
        }
        assertEquals(live.get("dials").asLong() - simulated.get("dials").asLong(),
                report.get("difference").get("dials").asLong());
        assertTrue(log.contains("replay: "), "a progress line while it ran: " + log);
        assertTrue(Files.size(folder.resolve("stats/carrier-stats.csv")) > 0, "SIPp's statistics were collected");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
