package io.pacer.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioException;
import io.pacer.simulator.scenario.ScenarioParser;
import io.pacer.simulator.scenario.ScenarioSpeed;
import io.pacer.simulator.world.ContactFate;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayExportTest {
    static final Scenario LUNCH = ScenarioParser.parse(new StringReader("""
            name: lunch
            shift: 2h
            agents: [{at: 0h, value: 6}, {at: 1h, value: 4}, {at: 1h40m, value: 6}]
            answer_probability: 0.3
            busy_probability: 0.1
            failure_probability: 0.1
            ring_time: {dist: lognormal, mean: 10s, sd: 6s}
            busy_time: {dist: uniform, min: 2s, max: 6s}
            failure_time: {dist: uniform, min: 1s, max: 4s}
            no_answer_timeout: 25s
            talk_time: {dist: lognormal, mean: 100s, sd: 80s}
            wrap_time: {dist: lognormal, mean: 15s, sd: 8s}
            abandon_target: 0.03
            connect_limit: 2s
            """));

    @TempDir
    Path dir;

    @Test
    void aCompressedDayIsTheSameDayContactByContactFaster() {
        Scenario fast = ScenarioSpeed.compressed(LUNCH, 4, 3_600_000_000_000L);
        assertEquals(30 * 60_000_000_000L, fast.shiftNanos(), "2 h at speed 4 is 30 min, inside the window");
        assertEquals(2_000_000_000L / 4, fast.connectLimitNanos());
        assertEquals(15 * 60_000_000_000L, fast.agents().atNanos(1), "lunch at 1 h comes at 15 min");
        for (long k = 1; k <= 500; k++) {
            ContactFate day = ContactFate.draw(LUNCH, 7, k, 0, LUNCH.noAnswerTimeoutNanos());
            ContactFate quick = ContactFate.draw(fast, 7, k, 0, fast.noAnswerTimeoutNanos());
            assertEquals(day.plan(), quick.plan(), "contact " + k);
            assertEquals(day.delayNanos() / 4.0, quick.delayNanos(), 1.0, "contact " + k);
            assertEquals(day.talkNanos() / 4.0, quick.talkNanos(), 1.0, "contact " + k);
            assertEquals(day.wrapNanos() / 4.0, quick.wrapNanos(), 1.0, "contact " + k);
        }
    }

    @Test
    void aWindowCutsTheDayAndDropsTheStepsAfterIt() {
        Scenario cut = ScenarioSpeed.compressed(LUNCH, 4, 10 * 60_000_000_000L);
        assertEquals(10 * 60_000_000_000L, cut.shiftNanos());
        assertEquals(1, cut.agents().size(), "the lunch at 15 min is outside a 10 min window");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioSpeed.compressed(LUNCH, 50, 1));
        assertTrue(e.getMessage().startsWith("speed: "), e.getMessage());
    }

    @Test
    void theExportedFatesAreTheSimulatedCustomersKeyedByTheNumberDialled() throws Exception {
        ReplayWorld world = ReplayWorld.of(LUNCH, 5, 4, 30 * 60_000_000_000L);
        ReplayExport.write(world, dir);
        List<String> fates = Files.readAllLines(dir.resolve("fates.csv"));
        assertEquals("SEQUENTIAL", fates.get(0), "SIPp needs its mode word first");
        List<String> rows = fates.stream().filter(l -> !l.startsWith("#") && l.contains(";")).toList();
        assertEquals(world.contacts(), rows.size());
        assertTrue(world.contacts() > 2 * world.simulated().dials(), "room for a dialler that dials more");
        Map<String, Long> kinds = rows.stream().collect(Collectors.groupingBy(r -> r.split(";")[1],
                Collectors.counting()));
        assertEquals(0.3, kinds.get("answer") / (double) rows.size(), 0.04, kinds.toString());
        assertEquals(0.1, kinds.get("busy") / (double) rows.size(), 0.03, kinds.toString());
        assertEquals(0.1, kinds.get("fail") / (double) rows.size(), 0.03, kinds.toString());
        for (int k = 1; k <= rows.size(); k += 97) {
            String[] f = rows.get(k - 1).split(";");
            assertEquals(ReplayWorld.number(k).substring(1), f[0]);
            ContactFate day = ContactFate.draw(LUNCH, 5, k, 0, LUNCH.noAnswerTimeoutNanos());
            assertEquals(ReplayExport.kind(day.plan()), f[1], "contact " + k);
            assertEquals(day.talkNanos() / 4e6, Long.parseLong(f[3]), 1.0, "talk of contact " + k);
            assertEquals(day.wrapNanos() / 4e6, Long.parseLong(f[5]), 1.0, "wrap-up of contact " + k);
        }
        List<String> contacts = Files.readAllLines(dir.resolve("contacts.csv"));
        assertEquals("phone,name", contacts.get(0));
        assertEquals(ReplayWorld.number(1) + ",Contact 1", contacts.get(1));
        String pacer = Files.readString(dir.resolve("pacer.yaml"));
        assertTrue(pacer.contains("ringTimeoutMillis: 15000"), "25 s / 4 is under the legal 15 s: " + pacer);
        assertTrue(pacer.contains("connectLimitMillis: 500"), pacer);
        assertTrue(Files.isExecutable(dir.resolve("run.sh")));
        assertCustomerAudioCoversTheLongestTalk(rows, dir.resolve("customer.pcap"));
        for (String f : List.of("carrier.xml", "agent.xml", "agent-register.xml", "tone.wav", "README.md",
                "simulated.json")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        for (String f : List.of("run.sh", "README.md", "carrier.xml")) {
            assertTrue(!Files.readString(dir.resolve(f)).matches("(?s).*@[A-Z_]+@.*"), "every placeholder filled in " + f);
        }
    }

    @Test
    void theAgentsLogInAndOutOnTheScenariosSchedule() throws Exception {
        ReplayExport.write(ReplayWorld.of(LUNCH, 5, 4, 30 * 60_000_000_000L), dir);
        List<String> agents = Files.readAllLines(dir.resolve("agents.csv")).stream()
                .filter(l -> l.startsWith("agent")).toList();
        // Six agents from the start; the two highest leave at 15 min and come back at 25 min.
        assertEquals(8, agents.size(), agents.toString());
        assertTrue(agents.contains("agent0-1;agent0;pw-agent0;0;" + (30 * 60_000 + 3_600_000)), agents.toString());
        assertTrue(agents.contains("agent5-1;agent5;pw-agent5;0;" + 15 * 60_000), agents.toString());
        assertTrue(agents.contains("agent5-2;agent5;pw-agent5;" + 25 * 60_000 + ";" + (30 * 60_000 + 3_600_000)),
                agents.toString());
    }

    /** The carrier plays customer.pcap once per answered call: RTP/PCMU every 20 ms, at least the longest talk. */
    private static void assertCustomerAudioCoversTheLongestTalk(List<String> rows, Path pcap) throws Exception {
        long longest = rows.stream().filter(r -> r.split(";")[1].equals("answer"))
                .mapToLong(r -> Long.parseLong(r.split(";")[3])).max().orElseThrow();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(pcap))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0), "pcap magic");
        assertEquals(1, b.getInt(20), "Ethernet link type");
        int packets = 0;
        long lastMicros = -20_000;
        for (int at = 24; at < b.limit(); packets++) {
            long micros = b.getInt(at) * 1_000_000L + b.getInt(at + 4);
            assertEquals(lastMicros + 20_000, micros, "one packet every 20 ms");
            lastMicros = micros;
            int frame = b.getInt(at + 8);
            assertEquals(14 + 20 + 8 + 12 + 160, frame);
            assertEquals(17, b.get(at + 16 + 14 + 9), "UDP");
            assertEquals((byte) 0x80, b.get(at + 16 + 14 + 28), "RTP version 2");
            assertEquals(0, b.get(at + 16 + 14 + 29), "payload type 0, PCMU");
            at += 16 + frame;
        }
        assertEquals(ReplayExport.audioMillis(longest), packets * 20L);
        assertTrue(packets * 20L > longest, "one play covers every talk: " + packets + " packets, " + longest + " ms");
    }
}
