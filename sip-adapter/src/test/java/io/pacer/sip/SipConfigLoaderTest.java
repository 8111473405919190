package io.pacer.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented example configuration loads, and mistakes are named. */
class SipConfigLoaderTest {

    @Test
    void documentedExampleLoads() throws Exception {
        SipConfig c = SipConfigLoader.load(Path.of("../docs/examples/pacer-sip.yaml"));
        assertEquals(5060, c.port());
        assertEquals(2, c.trunks().size());
        assertEquals("tcp", c.trunks().get(1).transport());
        assertEquals("127.0.0.1", c.trunks().get(0).proxyHost());
        assertEquals("carrier-b", c.trunkFor(2).name());
        assertEquals("carrier-a", c.trunkFor(7).name());
        assertEquals(2, c.agents().size());
        assertEquals(5090, c.agents().get(1).fixedPort());
        assertEquals(0, c.payloadType());
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
}
