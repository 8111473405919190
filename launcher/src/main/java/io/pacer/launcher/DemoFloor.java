package io.pacer.launcher;

import io.pacer.api.service.CampaignService;
import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.loopback.LoopbackWorld;
import io.pacer.loopback.VirtualAgents;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ImportReport;
import io.pacer.store.user.Role;
import io.pacer.store.user.User;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A floor to watch in the console: Pacer with storage (SQLite in a directory of its own), the HTTP API with the
 * console, and the SIP adapter dialling the loopback world's virtual carrier and bridging to its virtual agents;
 * in storage, one user per virtual agent, a supervisor and one campaign with a list, started. {@code pacer demo}
 * and the console's browser tests build it the same way.
 *
 * <p>The SIP configuration is fixed before storage opens, so each virtual phone is configured for the engine
 * agent id its user will get in the fresh database (agents are created first: ids 1..n); a database that hands
 * out other ids is refused rather than leaving phones that belong to no user.
 */
public final class DemoFloor implements AutoCloseable {

    /** The demo campaign's id: the first campaign of the fresh database. */
    public static final int CAMPAIGN = 1;

    /**
     * What to build.
     *
     * @param agents      virtual agents, each with a user of role AGENT (engine agent id = user id)
     * @param dialMode    the campaign's dial mode
     * @param customers   how the virtual carrier's customers answer and talk
     * @param wrapMillis  how long a virtual agent wraps up before its phone says ready
     * @param autoConnect Pacer calls each phone as it registers, which logs the agent in; otherwise the agent
     *                    logs in from the desktop
     * @param contacts    contacts in the campaign's list
     * @param apiPort     the HTTP port of the API and the console (0: any free port)
     */
    public record Settings(int agents, DialMode dialMode, CarrierProfile customers, LongSampler wrapMillis,
            boolean autoConnect, int contacts, int apiPort) {
    }

    private final LoopbackWorld world;
    private final Pacer pacer;
    private final List<String> agentTokens = new ArrayList<>();
    private String supervisorToken;

    private DemoFloor(LoopbackWorld world, Pacer pacer) {
        this.world = world;
        this.pacer = pacer;
    }

    /** Builds the floor, creates its users and campaign, starts the campaign, and lets the virtual phones register. */
    public static DemoFloor start(Settings settings, Path directory) throws Exception {
        LoopbackWorld world = new LoopbackWorld(new LoopbackWorld.Settings(settings.agents(), CAMPAIGN,
                settings.customers(), settings.wrapMillis(), 42));
        Pacer pacer = null;
        try {
            List<SipConfig.AgentConfig> phones = new ArrayList<>();
            for (int i = 0; i < settings.agents(); i++) {
                phones.add(new SipConfig.AgentConfig(i + 1, VirtualAgents.user(i), VirtualAgents.password(i), CAMPAIGN,
                        null, 0, settings.autoConnect()));
            }
            pacer = Pacer.builder().sip(LoopbackSipConfig.of(world).withAgents(phones))
                    .store(new Pacer.StoreSettings("jdbc:sqlite:" + directory.resolve("pacer.db"), null, null, "demo", null))
                    .api(new Pacer.ApiSettings("127.0.0.1", settings.apiPort(), null)).start();
            DemoFloor floor = new DemoFloor(world, pacer);
            floor.populate(settings);
            world.start(pacer.sip().sipPort());
            return floor;
        } catch (Exception | Error e) {
            if (pacer != null) {
                pacer.close();
            }
            world.close();
            throw e;
        }
    }

    private void populate(Settings settings) {
        Storage storage = pacer.storage();
        List<Long> agentIds = new ArrayList<>();
        for (int i = 0; i < settings.agents(); i++) {
            String token = newToken();
            User agent = storage.users().create("agent-" + (i + 1), Role.AGENT, token);
            if (agent.id() != i + 1) {
                throw new IllegalStateException("demo: the database is not new: agent " + (i + 1) + " got user id "
                        + agent.id() + ", but its phone is configured as engine agent " + (i + 1));
            }
            agentTokens.add(token);
            agentIds.add(agent.id());
        }
        supervisorToken = newToken();
        storage.users().create("supervisor", Role.SUPERVISOR, supervisorToken);
        CampaignService campaigns = new CampaignService(storage, pacer.control());
        Campaign campaign = campaigns.create(new Campaign(0, "Demo", "virtual customers on the loopback carrier",
                CampaignStatus.ENABLED, false, null, "UTC", settings.dialMode(), 1.0, 0.0, 0.03,
                CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 2_000, 1_000, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT,
                true, "DE", List.of(), Map.of(), agentIds, List.of()));
        if (campaign.id() != CAMPAIGN) {
            throw new IllegalStateException("demo: the database is not new: the campaign got id " + campaign.id());
        }
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < settings.contacts(); i++) {
            csv.append("+4930").append(2_000_000 + i).append(",Customer ").append(i + 1).append('\n');
        }
        ImportReport report = storage.importer().importCsv(CAMPAIGN, new StringReader(csv.toString()), ',',
                new ColumnMapping(List.of("phone"), "name", List.of(), null), ImportMode.APPEND, "demo",
                storage.clock().epochMillis());
        if (report.imported() != settings.contacts()) {
            throw new IllegalStateException("demo: the list was not imported whole: " + report);
        }
        storage.messages().upload(CAMPAIGN, "example-abandon-message.wav", examplePrompt(), storage.clock().epochMillis());
        campaigns.start(CAMPAIGN);
    }

    /** The neutral safe-harbour message shipped for the demo (docs/examples/prompts/make-example-prompt.sh). */
    static byte[] examplePrompt() {
        try (java.io.InputStream in = DemoFloor.class.getResourceAsStream("example-abandon-message.wav")) {
            if (in == null) {
                throw new IllegalStateException("demo: example-abandon-message.wav missing from the jar");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The running Pacer. */
    public Pacer pacer() {
        return pacer;
    }

    /** The loopback world (virtual carrier and agents). */
    public LoopbackWorld world() {
        return world;
    }

    /** The supervisor's token. */
    public String supervisorToken() {
        return supervisorToken;
    }

    /** The token of virtual agent {@code index} (0-based; its engine agent id and user id is index + 1). */
    public String agentToken(int index) {
        return agentTokens.get(index);
    }

    /** The console's address, without a token. */
    public String consoleUrl() {
        return "http://127.0.0.1:" + pacer.api().port() + "/";
    }

    /** The console's address that opens the floor signed in as the supervisor (the token in the fragment). */
    public String supervisorUrl() {
        return consoleUrl() + "#token=" + supervisorToken;
    }

    @Override
    public void close() {
        pacer.close();
        world.close();
    }
}
