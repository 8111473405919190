package io.pacer.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the Debian binaries
 * ({@code /usr/lib/postgresql/<version>/bin}) in a temporary directory on a free loopback port, and stopped and
 * deleted when the JVM exits. PostgreSQL refuses to run as root (CI does), so the cluster belongs to the
 * {@code postgres} system user and is started through {@code runuser} when we are root.
 *
 * <p>Missing binaries fail the test that asked for the server: a suite that silently skipped PostgreSQL would
 * claim coverage it does not have.
 */
final class PostgresServer {

    private static PostgresServer instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean root;

    private PostgresServer() throws IOException, InterruptedException {
        bin = findBin();
        root = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("pacer-pg");
        port = freePort();
        if (root) {
            run(List.of("chown", "postgres", dir.toString()));
            dir.toFile().setExecutable(true, false);
        }
        Path data = dir.resolve("data");
        run(asOwner(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"));
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o",
                "-h 127.0.0.1 -p " + port + " -k " + dir + " -F -c max_connections=200", "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The shared server, started on first use. */
    static synchronized PostgresServer get() {
        if (instance == null) {
            try {
                instance = new PostgresServer();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting PostgreSQL", e);
            }
        }
        return instance;
    }

    /** Creates a fresh empty database and returns its JDBC URL (user postgres, no password). */
    String newDatabaseUrl() {
        String name = "pacer_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private List<String> asOwner(String... command) {
        if (!root) {
            return List.of(command);
        }
        List<String> full = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        return full;
    }

    private void stop() {
        try {
            run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException | InterruptedException | IllegalStateException ignored) {
            // the directory goes either way
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(Path::toString)).orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new IOException("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin"
                + " (install them: apt-get install -y postgresql)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
