package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp process on 127.0.0.1, started for a test and always stopped by it ({@link #close}). A missing
 * SIPp fails the test with a clear message instead of skipping it: CI installs it, and a silently skipped
 * end-to-end suite proves nothing.
 */
final class Sipp implements AutoCloseable {

    static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    private static final Path LOGS = Path.of("target/sipp").toAbsolutePath();

    private final Process process;
    private final Path output;

    private Sipp(List<String> command, String name) throws IOException {
        Files.createDirectories(LOGS);
        this.output = LOGS.resolve(name + "-" + System.nanoTime() + ".log");
        this.process = new ProcessBuilder(command).directory(LOGS.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    static String binary() {
        String env = System.getenv("SIPP");
        Path p = Path.of(env != null ? env : "/usr/bin/sipp");
        if (!Files.isExecutable(p)) {
            fail("SIPp is not installed at " + p + ": install it with 'apt-get install -y sip-tester' "
                    + "(or set SIPP=/path/to/sipp). The SIP end-to-end tests need it.");
        }
        return p.toString();
    }

    /**
     * A SIPp UAS (a carrier or an agent phone) on {@code port}, for {@code calls} calls. A phone (a scenario named
     * {@code agent-*}) runs with {@code -aa}: SIPp answers 200 to an OPTIONS, INFO or UPDATE its scenario does not
     * expect, as Pacer's keep-alives need.
     */
    static Sipp uas(String scenario, int port, int mediaPort, int calls, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(mediaPort),
                "-m", String.valueOf(calls), "-nostdin", "-timeout", "60s", "-trace_err"));
        if (scenario.startsWith("agent-")) {
            // Phones only: on a carrier under load, -aa made SIPp take a retransmitted INVITE for a new message.
            cmd.add("-aa");
        }
        cmd.addAll(List.of(extra));
        return new Sipp(cmd, scenario.replace(".xml", ""));
    }

    /** A SIPp UAC towards {@code remote}, for {@code calls} calls. */
    static Sipp uac(String scenario, String remote, int port, int calls, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary(), remote, "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-m", String.valueOf(calls), "-nostdin",
                "-timeout", "60s", "-trace_err"));
        cmd.addAll(List.of(extra));
        return new Sipp(cmd, scenario.replace(".xml", ""));
    }

    /**
     * Waits until SIPp has bound its UDP port, so that the first INVITE is not lost to its start-up. Reads the
     * kernel's socket table rather than probing with a bind, which would race SIPp for the port.
     */
    Sipp awaitListening(int port) throws Exception {
        return awaitListening(port, "udp");
    }

    /** Waits until SIPp has bound {@code port} for {@code transport} ("udp" or "tcp"). */
    Sipp awaitListening(int port, String transport) throws Exception {
        if (!listening(port, transport)) {
            fail("SIPp did not bind port " + port + ":\n" + output());
        }
        return this;
    }

    /** True once SIPp has bound {@code port}; false if it exited (port taken) or did not bind within 5 s. */
    boolean listening(int port, String transport) throws Exception {
        String local = String.format(":%04X ", port);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(Path.of("/proc/net/" + transport))) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 1 && (cols[1] + " ").endsWith(local) && process.isAlive()) {
                    return true;
                }
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Waits for SIPp to finish its calls; returns its exit code (0: every call as the scenario says). */
    int awaitExit(long timeoutMillis) throws Exception {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            close();
            fail("SIPp did not finish within " + timeoutMillis + " ms; output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Signalling ports come from below the kernel's ephemeral range (which starts at 32768) and below the tests'
     * relay ranges (20000 and up), so that no outgoing socket of the test, Pacer or SIPp can be given one while a
     * test still means to bind it later (a trunk's carrier port is chosen once and bound by each test's SIPp).
     * Random, so that parallel runs rarely meet.
     */
    private static final int SIGNALLING_LOW = 10_000;
    private static final int SIGNALLING_HIGH = 19_999;

    /** A port free for both UDP and TCP on 127.0.0.1 (SIPp and Pacer bind both). */
    static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int port = random.nextInt(SIGNALLING_LOW, SIGNALLING_HIGH + 1);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IOException("no free port in " + SIGNALLING_LOW + ".." + SIGNALLING_HIGH);
    }

    /**
     * An even UDP port free with its three successors (SIPp's audio and video media ports and their RTCP). From
     * the ephemeral range: it is bound right after it is chosen, and the relays' ranges lie below it.
     */
    static int freeMediaPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port;
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort() & ~1;
            }
            try (DatagramSocket a = new DatagramSocket(port, InetAddress.getLoopbackAddress());
                 DatagramSocket b = new DatagramSocket(port + 1, InetAddress.getLoopbackAddress());
                 DatagramSocket c = new DatagramSocket(port + 2, InetAddress.getLoopbackAddress());
                 DatagramSocket d = new DatagramSocket(port + 3, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IOException("no free media port");
    }
}
