package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.simulator.replay.ReplayExport;
import io.pacer.simulator.replay.ReplayWorld;
import io.pacer.simulator.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported folder on its own, as a user runs it: {@code ./run.sh --pacer CMD} starts the carrier and the
 * agents with plain SIPp and Pacer with the folder's {@code pacer.yaml} ({@code pacer run}, no storage). The
 * SIPp phones register with digest, take the nailed-up calls and follow the agent protocol; the carrier answers
 * as drawn. Pacer only dials with agents logged in, so calls reaching the carrier prove the phones; customers
 * hanging up themselves prove the bridges.
 */
class ReplayFolderTest {
    @TempDir
    Path dir;

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The first column of SIPp's per-message counts named {@code ..._suffix}, last line, in the file {@code prefix*}. */
    private static long count(Path dir, String prefix, String suffix) throws Exception {
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith("_counts.csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file);
        List<String> head = List.of(lines.get(0).split(";"));
        String[] last = lines.get(lines.size() - 1).split(";");
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).endsWith(suffix)) {
                return Long.parseLong(last[i]);
            }
        }
        throw new AssertionError("no column " + suffix + " in " + file);
    }

    @Test
    void theExportedFolderPlaysTheWorldAgainstPacerWithNothingButSipp() throws Exception {
        ReplayWorld world = ReplayWorld.of(ScenarioParser.parse(Path.of("../scenarios/small-team.yaml")), 2, 10,
                60_000_000_000L);
        ReplayExport.write(world, dir);
        Path pacer = dir.resolve("pacer-cmd");
        Files.writeString(pacer, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx512m -cp '" + System.getProperty("java.class.path") + "' io.pacer.launcher.Main \"$@\"\n");
        pacer.toFile().setExecutable(true);
        Process run = new ProcessBuilder("./run.sh", "--pacer", pacer.toString(), "--seconds", "25")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("run.out").toFile())
                .start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run.sh is bounded");
        String out = Files.readString(dir.resolve("run.out"));
        assertEquals(0, run.exitValue(), out);
        String pacerOut = Files.readString(dir.resolve("stats/pacer.out"));
        assertTrue(pacerOut.contains("pacer run: SIP on 127.0.0.1:5060"), pacerOut);
        assertTrue(!pacerOut.contains("phone is gone"), "the SIPp phones answered Pacer's keep-alives: " + pacerOut);
        List<String> stats = Files.readAllLines(dir.resolve("stats/carrier-stats.csv"));
        List<String> head = List.of(stats.get(0).split(";"));
        String[] last = stats.get(stats.size() - 1).split(";");
        long calls = Long.parseLong(last[head.indexOf("SuccessfulCall(C)")]);
        long failed = Long.parseLong(last[head.indexOf("FailedCall(C)")]);
        assertTrue(calls >= 10, "the carrier took Pacer's calls, so the phones had logged in: " + calls);
        assertEquals(0, failed, () -> "no call failed in SIPp's eyes: " + read(dir.resolve("stats/carrier-errors.log")));
        assertTrue(count(dir, "carrier_", "_BYE_Sent") > 0, "customers talked to an agent and hung up themselves");
        assertTrue(count(dir, "agent_", "_MESSAGE_Sent") > 0, "phones wrapped up and said ready");
    }

    /**
     * The carrier with any dialler: SIPp's own built-in UAC (no Pacer anywhere) calls an answering customer of the
     * exported fates through {@code run.sh --no-agents}; the customer rings as drawn, answers with SDP and takes
     * the dialler's BYE.
     */
    @Test
    void theExportedCarrierServesAPlainSippDialler() throws Exception {
        ReplayExport.write(ReplayWorld.of(ScenarioParser.parse(Path.of("../scenarios/small-team.yaml")), 2, 10,
                60_000_000_000L), dir);
        String[] answer = Files.readAllLines(dir.resolve("fates.csv")).stream().map(l -> l.split(";"))
                .filter(f -> f.length > 2 && f[1].equals("answer")).findFirst().orElseThrow();
        Process carrier = new ProcessBuilder("./run.sh", "--no-agents", "--seconds", "15").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.out").toFile()).start();
        try {
            Thread.sleep(1_000);
            long start = System.nanoTime();
            Process dialler = new ProcessBuilder("sipp", "-sn", "uac", "127.0.0.1:" + ReplayExport.CARRIER_PORT,
                    "-s", answer[0], "-m", "1", "-d", "500", "-i", "127.0.0.1", "-p", "5099", "-mp", "41000",
                    "-nostdin", "-timeout", "20s").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dialler.out").toFile()).start();
            assertTrue(dialler.waitFor(30, TimeUnit.SECONDS), "the dialler's call ended");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, dialler.exitValue(), () -> "one successful call: " + read(dir.resolve("dialler.out"))
                    + read(dir.resolve("stats/carrier-errors.log")));
            assertTrue(millis >= Long.parseLong(answer[2]), "the customer rang " + answer[2] + " ms first: " + millis);
        } finally {
            carrier.destroy();
            carrier.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
