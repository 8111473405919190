package io.pacer.store;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.port.CallJournal;
import io.pacer.store.compliance.AbandonLedger;
import io.pacer.store.compliance.AbandonedCalls;
import io.pacer.store.compliance.CampaignMessages;
import io.pacer.store.compliance.ContactAssurance;
import io.pacer.store.compliance.ContactConsent;
import io.pacer.store.compliance.DialRefusals;
import io.pacer.store.journal.MessageLatencies;

import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackRepository;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CallLogging;
import io.pacer.store.campaign.CampaignAgents;
import io.pacer.store.campaign.CampaignRepository;
import io.pacer.store.campaign.DialingRulesRepository;
import io.pacer.store.contact.ContactLists;
import io.pacer.store.contact.ContactNumbers;
import io.pacer.store.contact.ContactRepository;
import io.pacer.store.cluster.CampaignLeases;
import io.pacer.store.cluster.LeaseKeeper;
import io.pacer.store.cluster.LeaseSettings;
import io.pacer.store.db.Database;
import io.pacer.store.db.Dialect;
import io.pacer.store.error.ConflictException;
import io.pacer.store.journal.ActivityRepository;
import io.pacer.store.journal.ContactHopper;
import io.pacer.store.journal.CrashRecovery;
import io.pacer.store.journal.HopperRefill;
import io.pacer.store.journal.JournalWriter;
import io.pacer.store.journal.OutcomeRecorder;
import io.pacer.store.user.UserRepository;
import io.pacer.store.contact.CsvContactImporter;
import io.pacer.store.contact.DoNotCallList;
import io.pacer.engine.port.Clock;

/**
 * Everything storage offers, wired once: the database, the repositories, the do-not-call list, and the two
 * bridges to the core (the hopper with its refill thread, the journal with its writer thread). Opening it runs
 * the migrations and the crash recovery for the campaigns this engine had locked, before the hopper starts.
 */
public final class Storage implements AutoCloseable {

    private final Database db;
    private final String engineId;
    private final Clock clock;
    private final CampaignRepository campaigns;
    private final io.pacer.store.campaign.AmdSettingsRepository amd;
    private final ContactRepository contacts;
    private final UserRepository users;
    private final DoNotCallList doNotCall;
    private final CsvContactImporter importer;
    private final OutcomeRecorder outcomes;
    private final CallbackRepository callbacks;
    private final ActivityRepository activities;
    private final ContactHopper hopper;
    private final HopperRefill refill;
    private final JournalWriter journal;
    private final AbandonLedger abandons;
    private final CampaignAgents campaignAgents;
    private final CallLogging callLogging;
    private final io.pacer.store.campaign.CampaignInbound inbound;
    private final CampaignMessages messages;
    private final DialRefusals refusals;
    private final AbandonedCalls abandonedCalls;
    private final ContactConsent consent;
    private final ContactAssurance assurance;
    private final int recovered;
    private final ContactNumbers numbers;
    private final ContactLists lists;
    private final DialingRulesRepository dialingRules;
    private final LeaseKeeper leases;

    private Storage(Database db, String engineId, Clock clock, LeaseSettings leaseSettings) {
        this.db = db;
        this.engineId = engineId;
        this.clock = clock;
        campaigns = new CampaignRepository(db);
        amd = new io.pacer.store.campaign.AmdSettingsRepository(db);
        contacts = new ContactRepository(db);
        users = new UserRepository(db);
        doNotCall = new DoNotCallList(db);
        importer = new CsvContactImporter(db, campaigns, doNotCall);
        outcomes = new OutcomeRecorder(db, doNotCall);
        callbacks = new CallbackRepository(db);
        activities = new ActivityRepository(db);
        recovered = new CrashRecovery(db, campaigns).recover(engineId, clock.epochMillis());
        leases = leaseSettings.leased() ? new LeaseKeeper(new CampaignLeases(db), engineId, leaseSettings,
                this::startCampaign, id -> refill().drop((int) id)) : null;
        hopper = new ContactHopper(doNotCall, leases == null ? io.pacer.store.journal.CampaignFence.ALWAYS : leases);
        refill = new HopperRefill(db, campaigns, hopper, doNotCall, clock);
        journal = new JournalWriter(db, outcomes);
        abandons = new AbandonLedger(db, clock, journal);
        numbers = new ContactNumbers(db);
        lists = new ContactLists(db, doNotCall);
        dialingRules = new DialingRulesRepository(db);
        campaignAgents = new CampaignAgents(db);
        callLogging = new CallLogging(db);
        inbound = new io.pacer.store.campaign.CampaignInbound(db);
        messages = new CampaignMessages(db);
        refusals = new DialRefusals(db);
        abandonedCalls = new AbandonedCalls(db);
        consent = new ContactConsent(db);
        assurance = new ContactAssurance(db);
    }

    /**
     * Opens storage at a JDBC URL for the engine {@code engineId} (the owner name of its campaign locks).
     *
     * @param user     database user (PostgreSQL) or {@code null}
     * @param password database password or {@code null}
     */
    public static Storage open(String url, String user, String password, String engineId, Clock clock) {
        return open(url, user, password, engineId, clock, defaultLeases(Dialect.ofUrl(url)));
    }

    /**
     * Opens storage with campaigns held under {@code leaseSettings} ({@link LeaseSettings#LOCKS}: locks held until
     * released, as one engine alone on its database holds them).
     */
    public static Storage open(String url, String user, String password, String engineId, Clock clock,
            LeaseSettings leaseSettings) {
        return new Storage(Database.open(url, user, password), engineId, clock, leaseSettings);
    }

    /** Storage over an open database (tests hand in their own). */
    public static Storage over(Database db, String engineId, Clock clock) {
        return new Storage(db, engineId, clock, defaultLeases(db.dialect()));
    }

    /** Leases with the default timings on PostgreSQL (several nodes may share it), locks on SQLite (one node). */
    public static LeaseSettings defaultLeases(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? LeaseSettings.defaults() : LeaseSettings.LOCKS;
    }

    /**
     * Starts a campaign on this engine: takes its lock (a conflict when another engine holds it) and starts filling
     * its hopper queue. The caller then tells the core to dial it.
     */
    public Campaign startCampaign(long campaignId) {
        if (leases != null) {
            if (leases.take(campaignId).recover()) {
                // Taken over from a node whose lease expired: what it queued goes back, what it placed is interrupted.
                new CrashRecovery(db, campaigns).recoverCampaign(campaignId, clock.epochMillis());
            }
        } else if (!campaigns.lock(campaignId, engineId, clock.epochMillis())) {
            throw new ConflictException("lock", "campaign is locked by " + campaigns.get(campaignId).lockOwner()
                    + "; an administrator can clear a stale lock");
        }
        Campaign campaign = campaigns.get(campaignId);
        refill.start((int) campaignId, Math.max(16, Math.min(1024, campaign.maxChannels() * 2)));
        return campaign;
    }

    /**
     * Starts again, after a restart, every campaign this engine had locked (it was running them when it
     * stopped or crashed). The caller hands their dial settings to the core and sets them running.
     */
    public java.util.List<Campaign> resumeCampaigns() {
        java.util.List<Campaign> resumed = new java.util.ArrayList<>();
        for (Campaign campaign : campaigns.lockedBy(engineId)) {
            resumed.add(startCampaign(campaign.id()));
        }
        return resumed;
    }

    /** Stops filling a campaign's hopper and releases its lock. */
    public Campaign stopCampaign(long campaignId) {
        refill.stop((int) campaignId);
        if (leases != null) {
            leases.release(campaignId);
        } else {
            campaigns.unlock(campaignId, engineId);
        }
        return campaigns.get(campaignId);
    }

    /** The database. */
    public Database db() {
        return db;
    }

    /** This engine's id (owner of its campaign locks). */
    public String engineId() {
        return engineId;
    }

    /** This node's leases on its campaigns, or {@code null} when campaigns are held under locks (SQLite). */
    public LeaseKeeper leases() {
        return leases;
    }

    /** The clock storage stamps times with. */
    public Clock clock() {
        return clock;
    }

    /** Campaigns. */
    public CampaignRepository campaigns() {
        return campaigns;
    }

    /** Campaigns' answering-machine detection settings. */
    public io.pacer.store.campaign.AmdSettingsRepository amd() {
        return amd;
    }

    /** Which of a campaign's calls become activities (unanswered ones with "No answer", or not at all). */
    public CallLogging callLogging() {
        return callLogging;
    }

    /** How campaigns take customers who call back (blending). */
    public io.pacer.store.campaign.CampaignInbound inbound() {
        return inbound;
    }

    /** The timers on campaigns' agents and who may work each campaign, as the core needs them. */
    public CampaignAgents campaignAgents() {
        return campaignAgents;
    }

    /** Contacts. */
    public ContactRepository contacts() {
        return contacts;
    }

    /** Users and groups. */
    public UserRepository users() {
        return users;
    }

    /** The do-not-call lists. */
    public DoNotCallList doNotCall() {
        return doNotCall;
    }

    /** CSV imports and their history. */
    public CsvContactImporter importer() {
        return importer;
    }

    /** Agent outcomes and preview decisions. */
    public OutcomeRecorder outcomes() {
        return outcomes;
    }

    /** Callback tasks. */
    public CallbackRepository callbacks() {
        return callbacks;
    }

    /** Call history. */
    public ActivityRepository activities() {
        return activities;
    }

    /** Contacts' numbers (attempt chains). */
    public ContactNumbers numbers() {
        return numbers;
    }

    /** Campaigns' lists, weights and dialable counts. */
    public ContactLists lists() {
        return lists;
    }

    /** Campaigns' treatments and caller-ID choice. */
    public DialingRulesRepository dialingRules() {
        return dialingRules;
    }

    /** The core's contact supply. */
    public ContactHopper hopper() {
        return hopper;
    }

    /** The hopper's refill thread. */
    public HopperRefill refill() {
        return refill;
    }

    /** The core's call journal. */
    public JournalWriter journal() {
        return journal;
    }

    /**
     * The journal the core writes finished calls to: the journal writer, with every campaign's answers and
     * abandons counted into the abandonment buckets on the way.
     */
    public CallJournal callJournal() {
        return abandons;
    }

    /** The contacts campaigns did not dial, and why. */
    public DialRefusals refusals() {
        return refusals;
    }

    /** Abandoned calls with their message latencies, from the attempt records. */
    public AbandonedCalls abandonedCalls() {
        return abandonedCalls;
    }

    /** Assured contacts: dialled only with an agent reserved. */
    public ContactAssurance assurance() {
        return assurance;
    }

    /** Contacts' consent provenance. */
    public ContactConsent consent() {
        return consent;
    }

    /** Each campaign's uploaded safe-harbour message. */
    public CampaignMessages messages() {
        return messages;
    }

    /** Where the SIP adapter reports abandoned calls' message latencies, for their attempt records. */
    public MessageLatencies messageLatencies() {
        return journal.messageLatencies();
    }

    /** The abandonment buckets: what each campaign answered and abandoned, over time. */
    public AbandonLedger abandons() {
        return abandons;
    }

    /**
     * The dial settings the core needs for a campaign, with the history of its regulator's window, so that a
     * start or a restart mid-window resumes the abandonment budget rather than a clean slate. A pooled campaign
     * is seeded with its whole pool's window.
     */
    public CampaignConfig engineConfig(Campaign campaign) {
        return campaign.toEngineConfig().withAbandonHistory(abandons.history(abandonGroup(campaign),
                campaign.compliance().regime().window(), campaign.zone()).inPool(campaign.compliance().abandonPool()))
                .withAmd(amd.get(campaign.id()));
    }

    /**
     * The campaigns whose answers and abandons count with {@code campaign}'s: the members of its abandonment pool,
     * or the campaign alone.
     */
    public java.util.List<Long> abandonGroup(Campaign campaign) {
        String pool = campaign.compliance().abandonPool();
        java.util.List<Long> members = pool == null ? java.util.List.of() : campaigns.poolMembers(pool);
        return members.isEmpty() ? java.util.List.of(campaign.id()) : members;
    }

    /** How many contacts in a placed call crash recovery booked INTERRUPTED when storage opened. */
    public int recoveredAtStart() {
        return recovered;
    }

    /** Stops the refill (handing queued contacts back) and the journal (writing what is queued), then closes. */
    @Override
    public void close() {
        if (leases != null) {
            leases.stopTakingOver();
        }
        refill.close();
        abandons.close();
        journal.close();
        // Last: the leases are renewed while what is queued and journalled is written, then expire on their own.
        if (leases != null) {
            leases.close();
        }
        db.close();
    }
}
