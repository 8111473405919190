package io.pacer.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kamailio configuration Pacer ships ({@code docs/cluster/kamailio.cfg}) is one the installed Kamailio accepts
 * ({@code kamailio -c}: every module loads, every route parses), with the addresses given as the file's head says,
 * and it listens on both the front door and the agents' socket (docs/cluster.md). The suite's check of the file;
 * {@code ClusterKamailioSippTest} runs it with calls ({@code scripts/cluster-e2e.sh}).
 */
class KamailioConfigTest {

    private static final Path CFG = Path.of("../docs/cluster/kamailio.cfg").toAbsolutePath().normalize();

    @Test
    void theShippedKamailioConfigurationParsesWithItsTwoSockets() throws Exception {
        String kamailio = System.getenv().getOrDefault("KAMAILIO", "/usr/sbin/kamailio");
        assertTrue(Files.isExecutable(Path.of(kamailio)), "Kamailio is not installed at " + kamailio
                + ": apt-get install -y kamailio, or set KAMAILIO");
        Path dir = Files.createTempDirectory("kamailio-cfg");
        Path list = Files.writeString(dir.resolve("nodes.list"), "1 sip:127.0.0.1:15061\n1 sip:127.0.0.1:15062\n");
        Path out = dir.resolve("check.out");
        Process p = new ProcessBuilder(kamailio, "-c", "-f", CFG.toString(), "-A", "LISTEN_ADDR=udp:127.0.0.1:15060",
                "-A", "AGENTS_LISTEN_ADDR=udp:127.0.0.1:15070", "-A", "DISPATCHER_LIST=\"" + list + "\"", "-A",
                "CARRIER_URI=\"sip:127.0.0.1:15090\"").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "kamailio -c hung");
        String said = Files.readString(out);
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("udp: 127.0.0.1:15060") && said.contains("udp: 127.0.0.1:15070"), said);
    }
}
