package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SIPp UAS for the launcher's end-to-end tests (a customer's carrier or an agent's phone), running one of the
 * SIP adapter's scenarios ({@code sip-adapter/src/test/sipp}), so both modules test against the same peers.
 */
final class SippPeer implements AutoCloseable {

    private static final Path SCENARIOS = Path.of("../sip-adapter/src/test/sipp").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target/sipp").toAbsolutePath();

    private final Process process;
    private final Path output;
    /** Where SIPp writes every message it sends and receives, or {@code null} when it does not. */
    private final Path messages;
    final int port;

    private SippPeer(String scenario, int port, boolean traceMessages, String... extra) throws IOException {
        Files.createDirectories(LOGS);
        this.port = port;
        this.output = LOGS.resolve(scenario.replace(".xml", "") + "-" + System.nanoTime() + ".log");
        int media = LoopbackPorts.media();
        List<String> cmd = new java.util.ArrayList<>(List.of(binary(), "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(media),
                "-m", "1", "-nostdin", "-timeout", "60s", "-trace_err"));
        this.messages = traceMessages ? LOGS.resolve(scenario.replace(".xml", "") + "-" + System.nanoTime() + "-messages.log") : null;
        if (traceMessages) {
            cmd.addAll(List.of("-trace_msg", "-message_file", messages.toString()));
        }
        cmd.addAll(List.of(extra));
        if (scenario.startsWith("agent-") && !cmd.contains("-nd")) {
            // A phone answers Pacer's keep-alive OPTIONS and its notices that the scenario does not list.
            cmd.add("-aa");
        }
        this.process = new ProcessBuilder(cmd).directory(LOGS.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /** A UAS running {@code scenario} for one call on a free port, once it listens. */
    static SippPeer uas(String scenario) throws Exception {
        return uas(scenario, false);
    }

    /** A UAS as {@link #uas(String)}, writing every message to a file that {@link #messages()} reads. */
    static SippPeer uas(String scenario, boolean traceMessages) throws Exception {
        return uas(scenario, traceMessages, new String[0]);
    }

    /**
     * A UAS as {@link #uas(String, boolean)} with more SIPp options; with {@code -nd} (no default replies) an agent's
     * phone answers nothing its scenario does not list, keep-alives included.
     */
    static SippPeer uas(String scenario, boolean traceMessages, String... extra) throws Exception {
        return listening(new SippPeer(scenario, LoopbackPorts.signalling(), traceMessages, extra));
    }

    /** A UAS running {@code scenario} on {@code port} (a phone back at the address Pacer has for it), once it listens. */
    static SippPeer uasOn(String scenario, int port) throws Exception {
        return listening(new SippPeer(scenario, port, false));
    }

    private static SippPeer listening(SippPeer peer) throws Exception {
        String local = String.format(":%04X ", peer.port);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && peer.process.isAlive()) {
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 1 && (cols[1] + " ").endsWith(local)) {
                    return peer;
                }
            }
            Thread.sleep(10);
        }
        peer.close();
        throw new AssertionError("SIPp did not listen on " + peer.port + ":\n" + peer.output());
    }

    /** Waits for SIPp to finish its call; 0 when it went as the scenario says. */
    int awaitExit(long timeoutMillis) throws Exception {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            close();
            fail("SIPp did not finish within " + timeoutMillis + " ms:\n" + output());
        }
        return process.exitValue();
    }

    /** The messages SIPp sent and received so far (a peer started with messages traced). */
    String messages() throws IOException {
        return Files.readString(messages);
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
    }

    private static String binary() {
        Path p = Path.of(System.getenv("SIPP") != null ? System.getenv("SIPP") : "/usr/bin/sipp");
        if (!Files.isExecutable(p)) {
            fail("SIPp is not installed at " + p + " (apt-get install -y sip-tester, or set SIPP)");
        }
        return p.toString();
    }


}
