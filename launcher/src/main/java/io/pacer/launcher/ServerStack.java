package io.pacer.launcher;

import io.pacer.launcher.LiveEngine;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.StartupHeap;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.SipConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The whole server for {@code pacer run --config FILE} when the file has a {@code storage:} section: a
 * {@link LiveEngine} (the database with its hopper and journal around the engine's ring, campaigns this engine
 * had locked resumed, the HTTP API) with the SIP adapter as its telephony and as its agents' phone sessions: an
 * API login calls the agent's phone and the agent is logged in once it answers; an API logout hangs it up. Campaigns, lists and agents are then
 * managed through the API; nothing is read from contact files.
 */
final class ServerStack {
    private static final Set<String> STORAGE_KEYS = Set.of("url", "user", "password", "engineId", "importDir");
    private static final Set<String> API_KEYS = Set.of("host", "port", "adminToken");

    private ServerStack() {
    }

    /** Settings of the storage and API sections, validated; the message names the key that is wrong. */
    record Settings(String url, String user, String password, String engineId, String importDir, String apiHost,
                    int apiPort, String adminToken) {

        static Settings from(Map<?, ?> root) {
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
            return new Settings(url, text(storage, "storage.user", "user", null),
                    text(storage, "storage.password", "password", null),
                    text(storage, "storage.engineId", "engineId", "pacer-1"),
                    text(storage, "storage.importDir", "importDir", null),
                    text(api, "api.host", "host", "127.0.0.1"), apiPort, token);
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
    }

    /** Runs until the process is stopped; returns the exit code. */
    static int run(Map<?, ?> root, SipConfig sip) {
        Settings s;
        try {
            s = Settings.from(root);
            if (s.url().startsWith("jdbc:sqlite:")) {
                Path db = Path.of(s.url().substring("jdbc:sqlite:".length()));
                if (db.getParent() != null) {
                    Files.createDirectories(db.getParent());
                }
            }
        } catch (Exception e) {
            System.err.println("pacer run: " + e.getMessage());
            return 2;
        }
        LiveEngine.Settings live = new LiveEngine.Settings(s.url(), s.user(), s.password(), s.engineId(),
                s.apiHost(), s.apiPort(), s.adminToken(), s.importDir() == null ? null : Path.of(s.importDir()),
                EngineLimits.defaults());
        try (PacerSipServer server = new PacerSipServer(sip);
             LiveEngine engine = new LiveEngine(live, server.telephony(), server)) {
            server.start(engine.input());
            StartupHeap.settle();
            System.out.printf("pacer run: SIP on %s:%d, API on http://%s:%d/api/v1, database %s%n",
                    sip.bindAddress(), server.sipPort(), s.apiHost(), engine.api().port(), s.url());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "pacer-stop"));
            stop.await();
            return 0;
        } catch (Exception e) {
            System.err.println("pacer run: " + e);
            return 1;
        }
    }
}
