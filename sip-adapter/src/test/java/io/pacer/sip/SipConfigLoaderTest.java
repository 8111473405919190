package io.pacer.sip;

import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.SipConfigLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.media.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example configuration loads, and mistakes are named. */
class SipConfigLoaderTest {

    @Test
    void documentedExampleLoads() throws Exception {
        SipConfig c = SipConfigLoader.load(Path.of("../docs/examples/pacer-sip.yaml"));
        assertEquals(5060, c.port());
        assertEquals(3, c.trunks().size());
        assertEquals("tcp", c.trunks().get(2).transport());
        assertEquals(List.of("carrier-a", "carrier-a-backup"), c.trunksFor(1).stream().map(SipConfig.TrunkConfig::name).toList());
        assertEquals(io.pacer.sip.stack.TrunkProbeSettings.DEFAULTS, c.trunks().get(0).probe());
        assertEquals(new io.pacer.sip.stack.TrunkProbeSettings(5_000, 2, 3), c.trunks().get(1).probe());
        assertEquals(2, c.trunks().get(1).priority());
        assertEquals(null, c.trunks().get(2).probe());
        assertEquals("127.0.0.1", c.trunks().get(0).proxyHost());
        assertEquals("carrier-b", c.trunkFor(2).name());
        assertEquals("carrier-a", c.trunkFor(7).name());
        assertEquals(2, c.agents().size());
        assertEquals(5090, c.agents().get(1).fixedPort());
        assertEquals(0, c.payloadType());
    }

    @Test
    void badTrunkRoutingIsNamed() {
        IllegalArgumentException weight = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SipConfigLoader.fromMap(Map.of("trunks", List.of(Map.of("name", "c", "address", "127.0.0.1:5070",
                        "weight", 0)))));
        assertTrue(weight.getMessage().contains("sip.trunks[c].weight"), weight.getMessage());
        IllegalArgumentException probe = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SipConfigLoader.fromMap(Map.of("trunks", List.of(Map.of("name", "c", "address", "127.0.0.1:5070",
                        "probe", Map.of("intervalMillis", 50))))));
        assertTrue(probe.getMessage().contains("probe.intervalMillis"), probe.getMessage());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SipConfigLoader.fromMap(Map.of("trunks", List.of(Map.of("name", "c", "address", "127.0.0.1:5070",
                        "probe", Map.of("every", 5))))));
        assertTrue(unknown.getMessage().contains("sip.trunks[].probe.every"), unknown.getMessage());
    }

    @Test
    void sessionSettingsAreReadAndDefaulted() {
        List<Map<String, Object>> trunks = List.of(Map.of("name", "carrier", "address", "127.0.0.1:5070"));
        SipConfig c = SipConfigLoader.fromMap(Map.of("trunks", trunks, "sessions", Map.of(
                "agentKeepAliveMillis", 5_000, "agentRtpTimeoutMillis", 20_000, "shutdownGraceMillis", 45_000)));
        assertEquals(5_000, c.sessions().agentKeepAliveMillis());
        assertEquals(20_000, c.sessions().agentRtpTimeoutMillis());
        assertEquals(90, c.sessions().minSessionExpiresSeconds());
        assertEquals(45_000, c.sessions().shutdownGraceMillis());
        assertEquals(io.pacer.sip.stack.SessionSettings.DEFAULTS, SipConfigLoader.fromMap(Map.of("trunks", trunks)).sessions());
    }

    @Test
    void sessionSettingMistakesAreNamed() {
        List<Map<String, Object>> trunks = List.of(Map.of("name", "carrier", "address", "127.0.0.1:5070"));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(
                Map.of("trunks", trunks, "sessions", Map.of("minSessionExpiresSeconds", 30))));
        assertTrue(tooShort.getMessage().startsWith("sip.sessions.minSessionExpiresSeconds"), tooShort.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(
                Map.of("trunks", trunks, "sessions", Map.of("keepAlive", 30))));
        assertTrue(unknown.getMessage().startsWith("sip.sessions.keepAlive"), unknown.getMessage());
    }

    @Test
    void unknownKeyIsRefusedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(
                Map.of("port", 5060, "trunkz", java.util.List.of())));
        assertTrue(e.getMessage().startsWith("sip.trunkz"), e.getMessage());
    }

    @Test
    void missingTrunksAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(Map.of()));
        assertTrue(e.getMessage().contains("sip.trunks"), e.getMessage());
    }

    @Test
    void abandonPromptFileIsReadFromTheConfigurationsDirectoryAtLoad(@TempDir Path dir) throws Exception {
        byte[] twoFrames = new byte[320];
        Files.write(dir.resolve("identification.wav"), WavFiles.wav(7, 1, 8000, 8, twoFrames));
        Path config = Files.writeString(dir.resolve("pacer.yaml"), """
                sip:
                  codec: PCMA
                  abandonMessageFile: identification.wav
                  trunks:
                    - name: carrier
                      address: 127.0.0.1:5070
                """);
        SipConfig c = SipConfigLoader.load(config);
        assertEquals(40, c.abandonPrompt().millis());
        assertEquals(8, c.abandonPrompt().payloadType(), "encoded for the configured codec");
    }

    @Test
    void missingAbandonPromptFileIsNamedAtLoad(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(
                Map.of("abandonMessageFile", "gone.wav", "trunks", List.of(Map.of("name", "c", "address", "127.0.0.1"))),
                dir));
        assertEquals("sip.abandonMessageFile: " + dir.resolve("gone.wav") + ": no such file", e.getMessage());
    }

    @Test
    void advertisedAddressesAreReadAndMediaFallsBackToTheSipOne() {
        Map<String, Object> trunk = Map.of("name", "carrier", "address", "127.0.0.1:5070");
        SipConfig both = SipConfigLoader.fromMap(Map.of("advertisedAddress", "203.0.113.5",
                "rtp", Map.of("advertisedAddress", "203.0.113.6"), "trunks", List.of(trunk)));
        assertEquals("203.0.113.5", both.sipHost());
        assertEquals("203.0.113.6", both.mediaHost());
        SipConfig sipOnly = SipConfigLoader.fromMap(Map.of("advertisedAddress", "203.0.113.5", "trunks", List.of(trunk)));
        assertEquals("203.0.113.5", sipOnly.mediaHost());
        SipConfig none = SipConfigLoader.fromMap(Map.of("bindAddress", "10.0.0.2", "trunks", List.of(trunk)));
        assertEquals("10.0.0.2", none.sipHost());
        assertEquals("10.0.0.2", none.mediaHost());
    }

    @Test
    void anAdvertisedAddressWithAPortIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipConfigLoader.fromMap(Map.of(
                "rtp", Map.of("advertisedAddress", "203.0.113.6:4000"),
                "trunks", List.of(Map.of("name", "carrier", "address", "127.0.0.1:5070")))));
        assertTrue(e.getMessage().startsWith("sip.rtp.advertisedAddress"), e.getMessage());
    }
}
