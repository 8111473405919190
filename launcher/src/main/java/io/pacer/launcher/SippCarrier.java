package io.pacer.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The exported carrier run as the folder's README says: plain SIPp with {@code carrier.xml} and {@code fates.csv},
 * here on a free port of 127.0.0.1, bounded by SIPp's own {@code -timeout}; its statistics go to
 * {@code stats/carrier-stats.csv} in the folder.
 */
final class SippCarrier implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private SippCarrier(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts SIPp in {@code dir} (an exported folder) for at most {@code seconds}. */
    static SippCarrier start(Path dir, long seconds) throws IOException {
        int port = freeUdpPort();
        Path stats = Files.createDirectories(dir.resolve("stats"));
        List<String> cmd = List.of("sipp", "-sf", "carrier.xml", "-inf", "fates.csv", "-infindex", "fates.csv", "0",
                "-i", "127.0.0.1", "-p", Integer.toString(port), "-mp", "40000",
                "-buff_size", Integer.toString(4 << 20), "-nostdin", "-timeout", seconds + "s",
                "-trace_stat", "-stf", "stats/carrier-stats.csv", "-fd", "5",
                "-trace_err", "-error_file", "stats/carrier-errors.log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(stats.resolve("carrier.out").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start sipp (Debian: apt-get install sip-tester): " + e.getMessage(), e);
        }
        try {
            if (p.waitFor(500, TimeUnit.MILLISECONDS)) {
                throw new IOException("sipp stopped at once (exit " + p.exitValue() + "); see "
                        + stats.resolve("carrier.out") + ": " + tail(stats.resolve("carrier.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while starting sipp", e);
        }
        return new SippCarrier(p, port, dir);
    }

    private static String tail(Path file) throws IOException {
        String s = Files.exists(file) ? Files.readString(file).strip() : "";
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** The carrier's SIP port. */
    int port() {
        return port;
    }

    /** SIPp's successful and failed call counts from the last line of its statistics file, or null. */
    long[] calls() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("stats/carrier-stats.csv"));
            if (lines.size() < 2) {
                return null;
            }
            List<String> head = List.of(lines.get(0).split(";"));
            String[] last = lines.get(lines.size() - 1).split(";");
            int ok = head.indexOf("SuccessfulCall(C)");
            int failed = head.indexOf("FailedCall(C)");
            return ok < 0 || failed < 0 ? null : new long[] {Long.parseLong(last[ok]), Long.parseLong(last[failed])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
