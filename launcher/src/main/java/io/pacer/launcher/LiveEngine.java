package io.pacer.launcher;

import io.pacer.engine.control.MeteredEngineControl;
import io.pacer.engine.control.RingEngineControl;
import io.pacer.api.ApiServer;

import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.Telephony;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.nio.file.Path;

/**
 * A running engine with storage and the HTTP API, wired in the one order that keeps the guarantees: storage
 * opens first (migrations, crash recovery), then the core's ring with storage's hopper and journal, then the
 * campaigns this engine had locked are resumed, then the API listens. Closing goes the other way, so the core
 * has stopped before the hopper hands its queued contacts back and the journal writes what is left.
 */
public final class LiveEngine implements AutoCloseable {

    /**
     * Where and how the engine runs.
     *
     * @param jdbcUrl    database ({@code jdbc:sqlite:<data-dir>/pacer.db} or {@code jdbc:postgresql://...})
     * @param dbUser     database user or {@code null}
     * @param dbPassword database password or {@code null}
     * @param engineId   owner name of this engine's campaign locks; keep it across restarts
     * @param host       API address to bind (e.g. 127.0.0.1)
     * @param port       API port (0: any free port)
     * @param adminToken bearer token of the bootstrap administrator "admin"
     * @param importDir  directory large CSV lists are imported from, or {@code null}
     * @param limits     the core's table sizes
     */
    public record Settings(String jdbcUrl, String dbUser, String dbPassword, String engineId, String host, int port,
            String adminToken, Path importDir, EngineLimits limits) {
    }

    private final Storage storage;
    private final EngineRing ring;
    private final ApiServer api;

    /** Starts everything with no phone sessions to manage; {@code telephony} is bound to {@link #input()} afterwards. */
    public LiveEngine(Settings settings, Telephony telephony) throws InterruptedException {
        this(settings, telephony, AgentSessions.NONE);
    }

    /**
     * Starts everything; {@code telephony} is bound to {@link #input()} by its owner afterwards. API logins and
     * logouts open and close the agents' phone sessions through {@code sessions}.
     */
    public LiveEngine(Settings settings, Telephony telephony, AgentSessions sessions) throws InterruptedException {
        storage = Storage.open(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword(), settings.engineId(),
                SystemClock.INSTANCE);
        ring = new EngineRing(settings.limits(), SystemClock.INSTANCE, telephony, storage.hopper(), storage.journal(), 4096);
        MeteredEngineControl control = new MeteredEngineControl(new RingEngineControl(ring, sessions), ring);
        for (Campaign campaign : storage.resumeCampaigns()) {
            control.configure(campaign.toEngineConfig());
            control.setRunning((int) campaign.id(), true);
        }
        if (settings.adminToken() != null) {
            storage.users().ensure("admin", Role.ADMIN, settings.adminToken());
        }
        api = new ApiServer(storage, control, settings.host(), settings.port(), settings.importDir());
        control.attach(api.registry());
    }

    /** Where the adapters publish events (the core's ring). */
    public EngineInput input() {
        return ring;
    }

    /** The core's ring, for queries and commands. */
    public EngineRing ring() {
        return ring;
    }

    /** Storage. */
    public Storage storage() {
        return storage;
    }

    /** The API server (its port, its metrics registry). */
    public ApiServer api() {
        return api;
    }

    /**
     * Stops the API, the core, then storage. Campaigns stay locked by this engine, so a restart with the same
     * engine id resumes them.
     */
    @Override
    public void close() {
        api.close();
        ring.close();
        storage.close();
    }
}
