package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    private static final Map<String, Object> API = Map.of("adminToken", "0123456789abcdef-token");

    private static String error(Map<String, Object> root) {
        return assertThrows(IllegalArgumentException.class, () -> ServerSettings.from(root)).getMessage();
    }

    @Test
    void defaultsToAnEmbeddedSqliteFileAndLoopbackApi() {
        ServerSettings s = ServerSettings.from(Map.of("storage", Map.of(), "api", API));
        assertEquals("jdbc:sqlite:data/pacer.db", s.url());
        assertEquals("127.0.0.1", s.apiHost());
        assertEquals(8080, s.apiPort());
        assertEquals("pacer-1", s.engineId());
    }

    @Test
    void namesTheKeyThatIsWrong() {
        assertTrue(error(Map.of("storage", Map.of("uri", "x"), "api", API)).startsWith("storage.uri: unknown key"));
        assertTrue(error(Map.of("storage", Map.of("url", "jdbc:mysql://x"), "api", API)).startsWith("storage.url:"));
        assertTrue(error(Map.of("storage", Map.of(), "api", Map.of("adminToken", "short"))).startsWith("api.adminToken:"));
        assertTrue(error(Map.of("storage", Map.of(), "api", Map.of("adminToken", "0123456789abcdef-token",
                "port", 70000))).startsWith("api.port:"));
        assertTrue(error(Map.of("storage", Map.of(), "api", API, "campaigns", java.util.List.of()))
                .startsWith("campaigns:"));
    }

    @Test
    void readsTheOriginsBrowsersMayCallFromAndRefusesOneThatCanNeverMatch() {
        ServerSettings s = ServerSettings.from(Map.of("storage", Map.of(), "api", Map.of("adminToken", "0123456789abcdef-token",
                "corsOrigins", java.util.List.of("https://crm.example.com", "http://localhost:3000"))));
        assertEquals(java.util.List.of("https://crm.example.com", "http://localhost:3000"), s.api().corsOrigins());
        assertEquals(java.util.List.of(), ServerSettings.from(Map.of("storage", Map.of(), "api", API)).api().corsOrigins());
        assertTrue(error(Map.of("storage", Map.of(), "api", Map.of("adminToken", "0123456789abcdef-token",
                "corsOrigins", java.util.List.of("https://crm.example.com/")))).startsWith("api.corsOrigins:"));
        assertTrue(error(Map.of("storage", Map.of(), "api", Map.of("adminToken", "0123456789abcdef-token",
                "corsOrigins", "https://crm.example.com"))).startsWith("api.corsOrigins:"));
    }

    @Test
    void leasesOnPostgresqlWithDefaultsOrTheGivenTimingsAndLocksOnSqlite() {
        String pg = "jdbc:postgresql://127.0.0.1/pacer";
        assertEquals(new io.pacer.store.cluster.LeaseSettings(3_000, 10_000),
                ServerSettings.from(Map.of("storage", Map.of("url", pg), "api", API)).leases());
        assertEquals(new io.pacer.store.cluster.LeaseSettings(1_000, 4_000), ServerSettings.from(Map.of("storage",
                Map.of("url", pg, "heartbeatMillis", 1_000, "leaseMillis", 4_000), "api", API)).leases());
        assertEquals(io.pacer.store.cluster.LeaseSettings.LOCKS, ServerSettings.from(Map.of("storage", Map.of(), "api", API)).leases());
        assertTrue(error(Map.of("storage", Map.of("leaseMillis", 4_000), "api", API)).startsWith("storage.leaseMillis: leases need PostgreSQL"));
        assertTrue(error(Map.of("storage", Map.of("url", pg, "heartbeatMillis", 3_000, "leaseMillis", 4_000), "api", API))
                .startsWith("storage.leaseMillis: must be at least twice heartbeatMillis"));
        assertTrue(error(Map.of("storage", Map.of("url", pg, "heartbeatMillis", "3s"), "api", API))
                .startsWith("storage.heartbeatMillis:"));
    }
}
