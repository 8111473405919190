package io.pacer.launcher;

import io.pacer.store.cluster.LeaseSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code storage:} and {@code api:} sections of {@code pacer run}'s file, validated: the message of a bad
 * value names its key. With a storage section Pacer runs as the whole server (database, hopper and journal,
 * HTTP API); campaigns, lists and agents are then managed through the API and nothing is read from contact
 * files.
 */
record ServerSettings(String url, String user, String password, String engineId, String importDir, String apiHost,
        int apiPort, String adminToken, java.util.List<String> corsOrigins, LeaseSettings leases) {

    private static final Set<String> STORAGE_KEYS = Set.of("url", "user", "password", "engineId", "importDir",
            "heartbeatMillis", "leaseMillis");
    private static final Set<String> API_KEYS = Set.of("host", "port", "adminToken", "corsOrigins");

    static ServerSettings from(Map<?, ?> root) {
        if (root.containsKey("campaigns")) {
            throw new IllegalArgumentException("campaigns: with a storage section, campaigns and their lists "
                    + "are managed through the API (docs/api.md); remove this section");
        }
        Map<?, ?> storage = section(root, "storage", STORAGE_KEYS);
        Map<?, ?> api = root.containsKey("api") ? section(root, "api", API_KEYS) : Map.of();
        String url = text(storage, "storage.url", "url", "jdbc:sqlite:data/pacer.db");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage.url: expected jdbc:sqlite:FILE or jdbc:postgresql://..., got "
                    + url);
        }
        Object port = api.get("port");
        int apiPort = port == null ? 8080 : port instanceof Integer i && i >= 0 && i <= 65535 ? i : -1;
        if (apiPort < 0) {
            throw new IllegalArgumentException("api.port: expected a port number 0..65535, got " + port);
        }
        String token = text(api, "api.adminToken", "adminToken", null);
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("api.adminToken: required, at least 16 characters (the bearer "
                    + "token of the first administrator)");
        }
        return new ServerSettings(url, text(storage, "storage.user", "user", null),
                text(storage, "storage.password", "password", null),
                text(storage, "storage.engineId", "engineId", "pacer-1"),
                text(storage, "storage.importDir", "importDir", null),
                text(api, "api.host", "host", "127.0.0.1"), apiPort, token, origins(api.get("corsOrigins")),
                leases(storage, url));
    }

    /** Lease timings (PostgreSQL only: one engine on SQLite holds locks); the defaults when none is given. */
    private static LeaseSettings leases(Map<?, ?> storage, String url) {
        Object heartbeat = storage.get("heartbeatMillis");
        Object lease = storage.get("leaseMillis");
        if (url.startsWith("jdbc:sqlite:")) {
            if (heartbeat != null || lease != null) {
                throw new IllegalArgumentException("storage." + (heartbeat != null ? "heartbeatMillis" : "leaseMillis")
                        + ": leases need PostgreSQL (on SQLite one engine holds its campaigns under locks)");
            }
            return LeaseSettings.LOCKS;
        }
        LeaseSettings defaults = LeaseSettings.defaults();
        long beat = millis("storage.heartbeatMillis", heartbeat, defaults.heartbeatMillis());
        long hold = millis("storage.leaseMillis", lease, defaults.leaseMillis());
        try {
            return new LeaseSettings(beat, hold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storage." + e.getMessage());
        }
    }

    private static long millis(String key, Object v, long fallback) {
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() <= 0) {
            throw new IllegalArgumentException(key + ": expected a positive number of milliseconds, got " + v);
        }
        return ((Number) v).longValue();
    }

    /** The origins allowed to call the API from a browser: {@code *}, or each exactly {@code scheme://host[:port]}. */
    private static java.util.List<String> origins(Object v) {
        if (v == null) {
            return java.util.List.of();
        }
        if (!(v instanceof java.util.List<?> list)) {
            throw new IllegalArgumentException("api.corsOrigins: expected a list of origins such as https://crm.example.com");
        }
        java.util.List<String> origins = new java.util.ArrayList<>();
        for (Object o : list) {
            // A browser sends the origin without path or trailing slash; one written otherwise would never match.
            if (!(o instanceof String s) || !(s.equals("*") || s.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?"))) {
                throw new IllegalArgumentException("api.corsOrigins: " + o + " is not an origin (scheme://host[:port], "
                        + "no path, or * for any)");
            }
            origins.add(s);
        }
        return java.util.List.copyOf(origins);
    }

    private static Map<?, ?> section(Map<?, ?> root, String name, Set<String> keys) {
        Object v = root.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(name + ": expected a mapping");
        }
        for (Object k : m.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(name + "." + k + ": unknown key (known: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
        return m;
    }

    private static String text(Map<?, ?> m, String fullKey, String key, String fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(fullKey + ": expected a non-empty text");
        }
        return s;
    }

    /** The storage section as the composition root takes it. */
    Pacer.StoreSettings store() {
        return new Pacer.StoreSettings(url, user, password, engineId, importDir == null ? null : Path.of(importDir));
    }

    /** The API section as the composition root takes it. */
    Pacer.ApiSettings api() {
        return new Pacer.ApiSettings(apiHost, apiPort, adminToken, corsOrigins);
    }
}
