package io.pacer.launcher.cluster;

import io.pacer.launcher.Pacer;
import io.pacer.store.cluster.LeaseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Pacer node in a child JVM for {@link ClusterFailoverTest}: storage on the shared PostgreSQL, a
 * {@link RecordingCarrier} for telephony, the HTTP API on a free port (written to a file once it listens). It runs
 * until it is killed.
 *
 * <p>Arguments: JDBC URL, node id, INVITE log, port file, heartbeat ms, lease ms.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    /** Starts a node; see {@link #start}. */
    public static void main(String[] args) throws Exception {
        Pacer pacer = start(args[0], args[1], Path.of(args[2]), new LeaseSettings(Long.parseLong(args[4]),
                Long.parseLong(args[5])));
        Path port = Path.of(args[3]);
        Path partial = port.resolveSibling(port.getFileName() + ".partial");
        Files.writeString(partial, Integer.toString(pacer.api().port()), StandardCharsets.US_ASCII);
        Files.move(partial, port, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.MAX_VALUE);
    }

    /** A node with its API on a free loopback port, admin token {@code admin-token}. */
    static Pacer start(String url, String nodeId, Path inviteLog, LeaseSettings leases) throws Exception {
        RecordingCarrier carrier = new RecordingCarrier(nodeId, inviteLog);
        Pacer pacer = Pacer.builder().telephony(carrier)
                .store(new Pacer.StoreSettings(url, "postgres", null, nodeId, null)).leases(leases)
                .api(new Pacer.ApiSettings("127.0.0.1", 0, "admin-token")).start();
        carrier.connect(pacer.ring());
        return pacer;
    }
}
