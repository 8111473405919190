package io.pacer.benchmarks.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SIPp process on 127.0.0.1 for the benchmark; its final screen gives successful and failed calls. */
final class SippProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    SippProcess(Path logDir, String name, List<String> args) throws IOException {
        Files.createDirectories(logDir);
        String sipp = System.getenv().getOrDefault("SIPP", "/usr/bin/sipp");
        if (!Files.isExecutable(Path.of(sipp))) {
            throw new IllegalStateException("SIPp not found at " + sipp + ": apt-get install -y sip-tester");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(sipp);
        cmd.addAll(args);
        output = logDir.resolve(name + ".log");
        process = new ProcessBuilder(cmd).directory(logDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /** True while the SIPp process runs (a run whose SIPp died midway says so rather than blaming Pacer). */
    boolean alive() {
        return process.isAlive();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            return -1;
        }
        return process.exitValue();
    }

    /** The cumulative count of a statistics line ("Successful call", "Failed call") on SIPp's last screen. */
    long count(String label) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)").matcher(Files.readString(output));
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /** The last value of a column of SIPp's {@code -trace_stat} CSV (separated by ';'), or -1 if not there yet. */
    static long statColumn(Path csv, String column) {
        try {
            List<String> lines = Files.readAllLines(csv);
            if (lines.size() < 2) {
                return -1;
            }
            String[] names = lines.get(0).split(";");
            String[] last = lines.get(lines.size() - 1).split(";");
            for (int i = 0; i < names.length && i < last.length; i++) {
                if (names[i].trim().equals(column)) {
                    return Long.parseLong(last[i].trim());
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** CPU the SIPp process has used so far (user + system), in nanoseconds; -1 when unknown. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                try (DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                    return tcp.getLocalPort();
                } catch (IOException taken) {
                    // Try another.
                }
            }
        }
        throw new IOException("no free port");
    }
}
