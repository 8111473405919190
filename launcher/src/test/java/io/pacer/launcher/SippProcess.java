package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A SIPp process playing a carrier or an agent's phone for one call, for the launcher's end-to-end tests (the
 * scenarios are the SIP adapter's, in {@code sip-adapter/src/test/sipp}). Knows when it exited, so that a test
 * can tell when the BYE it waited for came.
 */
final class SippProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private volatile long exitNanos;

    private SippProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
        process.onExit().thenRun(() -> exitNanos = System.nanoTime());
    }

    /** A UAS for one call of {@code scenario} on {@code port}; its output goes to a file in {@code dir}. */
    static SippProcess uas(Path scenario, int port, Path dir, String... extra) throws IOException {
        String sipp = System.getenv().getOrDefault("SIPP", "/usr/bin/sipp");
        if (!Files.isExecutable(Path.of(sipp))) {
            fail("SIPp is not installed at " + sipp + ": install it with 'apt-get install -y sip-tester'");
        }
        List<String> cmd = new ArrayList<>(List.of(sipp, "-sf", scenario.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(LoopbackPorts.media()), "-m", "1",
                "-nostdin", "-timeout", "90s"));
        cmd.addAll(List.of(extra));
        Path out = dir.resolve(scenario.getFileName() + "-" + port + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        return new SippProcess(p, out);
    }

    /** Waits until SIPp has bound its UDP port (read from the kernel's table, not probed). */
    void awaitListening(int port) throws Exception {
        String local = String.format(":%04X ", port);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 1 && (cols[1] + " ").endsWith(local)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        fail("SIPp did not bind port " + port + ":\n" + output());
    }

    /** Waits for SIPp to finish its call; its exit code (0: the call went as the scenario says). */
    int awaitExit(long timeoutMillis) throws Exception {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            fail("SIPp did not finish within " + timeoutMillis + " ms:\n" + output());
        }
        process.onExit().get(1, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** When the process exited, on {@link System#nanoTime}'s clock. */
    long exitNanos() {
        return exitNanos;
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
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
