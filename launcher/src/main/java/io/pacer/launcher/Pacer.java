package io.pacer.launcher;

import io.pacer.api.ApiServer;
import io.pacer.api.Cors;
import io.pacer.api.webhook.WebhookSender;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.control.EngineControl;
import io.pacer.engine.control.MeteredEngineControl;
import io.pacer.engine.control.RingEngineControl;
import io.pacer.engine.core.EngineInput;
import io.pacer.engine.core.EngineLimits;
import io.pacer.engine.core.EngineRing;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.AgentSessions;
import io.pacer.engine.port.CallJournal;
import io.pacer.engine.port.ContactSupply;
import io.pacer.engine.port.Telephony;
import io.pacer.sip.PacerSipServer;
import io.pacer.sip.stack.SipConfig;
import io.pacer.api.service.CampaignAgentsService;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.user.Role;
import io.pacer.store.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pacer assembled: the one composition root. {@code pacer run}, {@code pacer demo}, the end-to-end tests and
 * the SIP benchmark all build Pacer here, with options, so the order that keeps the guarantees is written
 * once:
 * <ol>
 *   <li>the SIP adapter binds its sockets (nothing is sent yet);</li>
 *   <li>storage opens (migrations, crash recovery) and lends the core its hopper and journal — or the caller's
 *       contact supply and journal are used;</li>
 *   <li>the core's ring starts with the adapter's telephony port;</li>
 *   <li>campaigns are configured and started (the given ones, or those this engine had locked in storage);</li>
 *   <li>the HTTP API listens;</li>
 *   <li>the adapter starts publishing into the ring (agents register, trunks take calls).</li>
 * </ol>
 * Closing goes the other way: the API, then the adapter (so nothing publishes into a stopped ring), then the
 * core, then storage, which hands the hopper's queued contacts back and writes what is left of the journal.
 */
public final class Pacer implements AutoCloseable {

    /**
     * Where storage is.
     *
     * @param jdbcUrl   {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}
     * @param user      database user or {@code null}
     * @param password  database password or {@code null}
     * @param engineId  owner name of this engine's campaign locks; keep it across restarts
     * @param importDir directory large CSV lists are imported from, or {@code null}
     */
    public record StoreSettings(String jdbcUrl, String user, String password, String engineId, Path importDir) {
    }

    /**
     * Where the HTTP API listens.
     *
     * @param host       address to bind (e.g. 127.0.0.1)
     * @param port       port (0: any free port)
     * @param adminToken  bearer token of the bootstrap administrator "admin", or {@code null}
     * @param corsOrigins origins whose browser pages may call the API ({@code *}: any; empty: none)
     */
    public record ApiSettings(String host, int port, String adminToken, java.util.List<String> corsOrigins) {
        /** Settings that allow no cross-origin browser calls. */
        public ApiSettings(String host, int port, String adminToken) {
            this(host, port, adminToken, java.util.List.of());
        }
    }

    /**
     * Something placed between the core and the telephony adapter in both directions, on the caller's thread:
     * the benchmark's agents that press ready the moment a call ends. It sees every command the core sends
     * and every event the adapter publishes.
     */
    public interface Tap extends Telephony, EngineInput {
        /** Called once, before the adapter starts: where commands go on to, and where events go on to. */
        void connect(Telephony adapter, EngineInput engine);
    }

    private final PacerSipServer sip;
    private final Storage storage;
    private final EngineRing ring;
    private final MeteredEngineControl control;
    private final ApiServer api;
    private final WebhookSender webhooks;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Pacer(PacerSipServer sip, Storage storage, EngineRing ring, MeteredEngineControl control, ApiServer api,
            WebhookSender webhooks) {
        this.sip = sip;
        this.storage = storage;
        this.ring = ring;
        this.control = control;
        this.api = api;
        this.webhooks = webhooks;
    }

    /** Options for a new Pacer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The core's ring: where adapters publish events, and queries and commands for the core. */
    public EngineRing ring() {
        return ring;
    }

    /** The commands the API gives the core (campaigns, agents), metered. */
    public EngineControl control() {
        return control;
    }

    /** The SIP adapter, or {@code null} when the builder was given a telephony port instead. */
    public PacerSipServer sip() {
        return sip;
    }

    /** Storage, or {@code null} when the builder was given a contact supply instead. */
    public Storage storage() {
        return storage;
    }

    /** The HTTP API, or {@code null} when none was asked for. */
    public ApiServer api() {
        return api;
    }

    /**
     * Closes in the order the class comment gives; only the first call does it (the shutdown hook of
     * {@code pacer run} and the command's own try-with-resources both call it).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(api);
        if (sip != null) {
            // While the core still runs, so that every call the stop ends is recorded: stop dialling, CANCEL what
            // rings, give bridged calls the grace (sip.sessions.shutdownGraceMillis), then BYE both legs.
            try {
                sip.drain();
            } catch (RuntimeException e) {
                System.err.println("pacer: draining SIP calls: " + e);
            }
        }
        closeQuietly(sip);
        closeQuietly(ring);
        // After the ring: the last calls' events are in the outbox and stay there for the next start.
        closeQuietly(webhooks);
        closeQuietly(storage);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("pacer: closing " + c.getClass().getSimpleName() + ": " + e);
        }
    }

    /** What to build Pacer with; {@link #start()} wires and starts it. */
    public static final class Builder {
        private SipConfig sipConfig;
        private Telephony telephony;
        private Tap tap;
        private StoreSettings storeSettings;
        private io.pacer.store.cluster.LeaseSettings leaseSettings;
        private ContactSupply contacts;
        private CallJournal journal = CallJournal.NONE;
        private final List<CampaignConfig> campaigns = new ArrayList<>();
        private ApiSettings apiSettings;
        private EngineLimits limits = EngineLimits.defaults();
        private int ringSize = 1 << 16;

        private Builder() {
        }

        /** Telephony over real SIP with this configuration (trunks, agents, relay). */
        public Builder sip(SipConfig config) {
            this.sipConfig = config;
            return this;
        }

        /** Telephony through this port instead of SIP (tests); the caller publishes its events into {@link #ring()}. */
        public Builder telephony(Telephony port) {
            this.telephony = port;
            return this;
        }

        /** A tap between the core and the adapter (see {@link Tap}). */
        public Builder tap(Tap between) {
            this.tap = between;
            return this;
        }

        /** Storage for contacts, campaigns, the journal and the API. */
        public Builder store(StoreSettings settings) {
            this.storeSettings = settings;
            return this;
        }

        /**
         * How this node holds its campaigns on a shared database (default: leases with the default timings on
         * PostgreSQL, locks on SQLite).
         */
        public Builder leases(io.pacer.store.cluster.LeaseSettings settings) {
            this.leaseSettings = settings;
            return this;
        }

        /** Without storage: where the core takes contacts from, and where finished calls go. */
        public Builder contacts(ContactSupply supply, CallJournal callJournal) {
            this.contacts = supply;
            this.journal = callJournal;
            return this;
        }

        /** A campaign to configure and start at once (without storage, campaigns come from here). */
        public Builder campaign(CampaignConfig config) {
            campaigns.add(config);
            return this;
        }

        /** The HTTP API (needs storage). */
        public Builder api(ApiSettings settings) {
            this.apiSettings = settings;
            return this;
        }

        /** The core's table sizes and the ring's size (a power of two). */
        public Builder engine(EngineLimits tableSizes, int ringSlots) {
            this.limits = tableSizes;
            this.ringSize = ringSlots;
            return this;
        }

        /** Wires and starts Pacer in the order the class comment gives; on failure, closes what it opened. */
        public Pacer start() throws Exception {
            check();
            PacerSipServer sip = null;
            Storage storage = null;
            EngineRing ring = null;
            ApiServer api = null;
            WebhookSender webhooks = null;
            try {
                sip = sipConfig == null ? null : new PacerSipServer(sipConfig);
                Telephony adapter = sip == null ? telephony : sip.telephony();
                storage = storeSettings == null ? null : openStorage(storeSettings, leaseSettings);
                webhooks = storage == null ? null : WebhookSender.start(storage, WebhookSender.Settings.defaults());
                if (sip != null && storage != null) {
                    CampaignMessagesOnSip.wire(storage, sip);
                }
                ContactSupply supply = storage == null ? contacts : storage.hopper();
                CallJournal callJournal = storage == null ? journal : storage.callJournal();
                ring = new EngineRing(limits, SystemClock.INSTANCE, tap == null ? adapter : tap, supply, callJournal,
                        ringSize);
                if (tap != null) {
                    tap.connect(adapter, ring);
                }
                AgentSessions sessions = sip == null ? AgentSessions.NONE : sip;
                MeteredEngineControl control = new MeteredEngineControl(new RingEngineControl(ring, sessions), ring);
                startCampaigns(control, storage);
                if (storage != null && storage.leases() != null) {
                    // Only now that the core runs: campaigns of dead nodes are taken over into it.
                    storage.leases().listen(new LeasedCampaigns(storage, control));
                }
                if (apiSettings != null) {
                    if (apiSettings.adminToken() != null) {
                        storage.users().ensure("admin", Role.ADMIN, apiSettings.adminToken());
                    }
                    api = new ApiServer(storage, control, apiSettings.host(), apiSettings.port(),
                            storeSettings.importDir(), new Cors(apiSettings.corsOrigins()), new SimulatedWhatIf());
                    control.attach(api.registry());
                    if (sip != null) {
                        // Answer-to-bridge at the wire (200 OK in -> media switched), beside the core's share.
                        sip.answerToBridge().bindTo(api.registry());
                        sip.bindTrunkGaugesTo(api.registry());
                    }
                }
                if (sip != null) {
                    sip.start(tap == null ? ring : tap);
                }
                return new Pacer(sip, storage, ring, control, api, webhooks);
            } catch (Exception | Error e) {
                new Pacer(sip, storage, ring, null, api, webhooks).close();
                throw e;
            }
        }

        private void check() {
            if ((sipConfig == null) == (telephony == null)) {
                throw new IllegalArgumentException("pacer: give either a SIP configuration or a telephony port");
            }
            if ((storeSettings == null) == (contacts == null)) {
                throw new IllegalArgumentException("pacer: give either storage or a contact supply");
            }
            if (apiSettings != null && storeSettings == null) {
                throw new IllegalArgumentException("pacer: the HTTP API needs storage");
            }
        }

        private void startCampaigns(EngineControl control, Storage storage) {
            List<CampaignConfig> all = new ArrayList<>(campaigns);
            List<Campaign> stored = storage == null ? List.of() : storage.resumeCampaigns();
            for (Campaign campaign : stored) {
                all.add(storage.engineConfig(campaign));
            }
            for (CampaignConfig c : all) {
                control.configure(c);
                control.setRunning(c.id(), true);
            }
            // Before any agent can log in (the adapter publishes into the ring only later): a stored campaign lets
            // in only its responsibles, whichever path a login comes by.
            for (Campaign campaign : stored) {
                CampaignAgentsService.pushTo(storage, control, campaign.id());
            }
        }

        private static Storage openStorage(StoreSettings s, io.pacer.store.cluster.LeaseSettings leases)
                throws Exception {
            if (s.jdbcUrl().startsWith("jdbc:sqlite:")) {
                Path db = Path.of(s.jdbcUrl().substring("jdbc:sqlite:".length()));
                if (db.getParent() != null) {
                    Files.createDirectories(db.getParent());
                }
            }
            return Storage.open(s.jdbcUrl(), s.user(), s.password(), s.engineId(), SystemClock.INSTANCE,
                    leases != null ? leases : Storage.defaultLeases(io.pacer.store.db.Dialect.ofUrl(s.jdbcUrl())));
        }
    }
}
