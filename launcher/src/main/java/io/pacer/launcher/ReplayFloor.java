package io.pacer.launcher;

import io.pacer.api.service.CampaignService;
import io.pacer.loopback.VirtualAgents;
import io.pacer.pacing.DialMode;
import io.pacer.simulator.replay.ReplayWorld;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.sip.stack.SipConfig;
import io.pacer.store.Storage;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ImportReport;
import io.pacer.store.user.Role;
import io.pacer.engine.campaign.CampaignConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live side of a replay: Pacer as it runs in production (real SIP and RTP on 127.0.0.1, SQLite storage, the
 * API), dialling the exported carrier, with one user and one SIP account per agent and one predictive campaign
 * with the scenario's settings (compressed, never under the rules' minimums) and the exported contact list.
 * Engine agent ids are user ids 1..n; virtual phone {@code i} is agent {@code i + 1}.
 */
final class ReplayFloor implements AutoCloseable {
    static final int CAMPAIGN = 1;
    private final Pacer pacer;

    private ReplayFloor(Pacer pacer) {
        this.pacer = pacer;
    }

    /** Starts Pacer against the carrier on {@code carrierPort}, with storage in {@code dir}, and its campaign. */
    static ReplayFloor start(ReplayWorld world, int agents, int carrierPort, Path dir) throws Exception {
        List<SipConfig.AgentConfig> phones = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            phones.add(new SipConfig.AgentConfig(i + 1, VirtualAgents.user(i), VirtualAgents.password(i), CAMPAIGN,
                    null, 0, true));
        }
        SipConfig sip = SipConfig.loopback(0, 30000, List.of(new SipConfig.TrunkConfig("replay-carrier", "127.0.0.1",
                carrierPort, "udp", null, 0, null, null, "pacer", 10_000, 10_000, List.of())), phones);
        Pacer pacer = Pacer.builder().sip(sip)
                .store(new Pacer.StoreSettings("jdbc:sqlite:" + dir.resolve("pacer.db"), null, null, "replay", null))
                .api(new Pacer.ApiSettings("127.0.0.1", 0, null)).start();
        try {
            populate(pacer.storage(), pacer, world, agents, dir.resolve("contacts.csv"));
            return new ReplayFloor(pacer);
        } catch (Exception | Error e) {
            pacer.close();
            throw e;
        }
    }

    private static void populate(Storage storage, Pacer pacer, ReplayWorld world, int agents, Path contacts)
            throws Exception {
        List<Long> agentIds = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            long id = storage.users().create("agent-" + (i + 1), Role.AGENT, UUID.randomUUID().toString()).id();
            if (id != i + 1) {
                throw new IllegalStateException("replay: the database is not new: agent " + (i + 1) + " got id " + id);
            }
            agentIds.add(id);
        }
        Scenario s = world.compressed();
        CampaignService campaigns = new CampaignService(storage, pacer.control());
        Campaign campaign = campaigns.create(new Campaign(0, "replay-" + world.original().name(),
                "pacer replay: seed " + world.seed() + ", speed " + world.speed(), CampaignStatus.ENABLED, false, null,
                "UTC", DialMode.PREDICTIVE, 1.0, 0.0, s.abandonTarget(),
                Math.max(CampaignConfig.MIN_RING_TIMEOUT_MILLIS, s.noAnswerTimeoutNanos() / 1_000_000L),
                Math.max(CampaignConfig.MIN_CONNECT_LIMIT_MILLIS, s.connectLimitNanos() / 1_000_000L),
                Math.max(100, agents * 40), List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT, true, "DE", List.of(),
                Map.of(), agentIds, List.of()));
        if (campaign.id() != CAMPAIGN) {
            throw new IllegalStateException("replay: the database is not new: the campaign got id " + campaign.id());
        }
        ImportReport report;
        try (Reader r = Files.newBufferedReader(contacts)) {
            report = storage.importer().importCsv(CAMPAIGN, r, ',', new ColumnMapping(List.of("phone"), "name",
                    List.of(), null), ImportMode.APPEND, "replay", storage.clock().epochMillis());
        }
        if (report.imported() != world.contacts()) {
            throw new IllegalStateException("replay: the contact list was not imported whole: " + report);
        }
        campaigns.start(CAMPAIGN);
    }

    Pacer pacer() {
        return pacer;
    }

    @Override
    public void close() {
        pacer.close();
    }
}
